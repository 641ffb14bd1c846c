package dev.smbq.client;

import dev.smbq.smb2.message.TreeDisconnectRequest;
import dev.smbq.smb2.spec.Command;

/** A tree connect: one share of the server on one session. */
public final class SmbTree {
    private final SmbSession session;
    private final int id;
    private final boolean encryptData;

    SmbTree(SmbSession session, int id, boolean encryptData) {
        this.session = session;
        this.id = id;
        this.encryptData = encryptData;
    }

    public int id() {
        return id;
    }

    /** Whether requests on this tree go out encrypted (the session's or the share's requirement). */
    public boolean encrypted() {
        return encryptData;
    }

    public void disconnect() throws SmbException {
        session.request(Command.TREE_DISCONNECT, id, new TreeDisconnectRequest(), encryptData);
    }
}
