package dev.smbq.client;

import dev.smbq.smb2.spec.Command;
import java.time.Duration;

/**
 * A byte-range lock request that may wait on the server ([MS-SMB2] 3.3.5.14.2): the server answers STATUS_PENDING
 * and sends the final response once the range is free. Await it, or cancel it.
 */
public final class PendingLock {
    private final SmbTree tree;
    private final ClientConnection.Exchange exchange;

    PendingLock(SmbTree tree, ClientConnection.Exchange exchange) {
        this.tree = tree;
        this.exchange = exchange;
    }

    /**
     * Waits until the lock is held; fails with STATUS_CANCELLED if it was cancelled, or after {@code timeout} with
     * the request still outstanding (cancel it then).
     */
    public void await(Duration timeout) throws SmbException {
        tree.session().finish(Command.LOCK, exchange, timeout);
    }

    /** Asks the server to give up waiting; {@link #await} then fails with STATUS_CANCELLED. */
    public void cancel() {
        tree.session().cancel(exchange, tree.encrypted());
    }
}
