package dev.smbq.client;

import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.LogoffRequest;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.TreeConnectRequest;
import dev.smbq.smb2.message.TreeConnectResponse;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import java.time.Duration;

/** An authenticated session: tree connects, echo, logoff. */
public final class SmbSession {
    private final SmbClient client;
    private final ClientSessionState state;
    private final boolean encryptData;

    SmbSession(SmbClient client, ClientSessionState state, boolean encryptData) {
        this.client = client;
        this.state = state;
        this.encryptData = encryptData;
    }

    SmbClient client() {
        return client;
    }

    public long id() {
        return state.id;
    }

    /** Whether every request of this session goes out encrypted. */
    public boolean encrypted() {
        return encryptData;
    }

    /** [MS-SMB2] 3.2.4.2.4: connects to {@code share} on the server. */
    public SmbTree connectTree(String share) throws SmbException {
        String path = "\\\\" + client.serverName() + "\\" + share;
        ClientConnection.Received response = request(Command.TREE_CONNECT, 0, new TreeConnectRequest(0, path), encryptData);
        TreeConnectResponse tree = (TreeConnectResponse) response.message().body();
        boolean treeEncrypts = (tree.shareFlags() & TreeConnectResponse.SHAREFLAG_ENCRYPT_DATA) != 0
                && !client.negotiated().acceptTransportSecurity() && state.sealer != null;
        return new SmbTree(this, response.message().header().treeId(), encryptData || treeEncrypts);
    }

    public void echo() throws SmbException {
        request(Command.ECHO, 0, new EchoRequest(), encryptData);
    }

    public void logoff() throws SmbException {
        request(Command.LOGOFF, 0, new LogoffRequest(), encryptData);
        client.connection().unregister(state.id);
    }

    /** Sends one request on this session (and tree) and returns its successful response. */
    ClientConnection.Received request(Command command, int treeId, Smb2Body body, boolean encrypt) throws SmbException {
        return finish(command, start(command, treeId, body, encrypt));
    }

    /** Sends one request without waiting: many can be in flight (as many as the credits allow). */
    ClientConnection.Exchange start(Command command, int treeId, Smb2Body body, boolean encrypt) throws SmbException {
        return client.connection().send(Smb2Header.request(command, 0).withSession(state.id, treeId), body, state,
                protection(encrypt));
    }

    /** Asks the server to cancel a started request; its response still comes, STATUS_CANCELLED if it was cancelled. */
    void cancel(ClientConnection.Exchange exchange, boolean encrypt) {
        client.connection().cancel(exchange, state, protection(encrypt));
    }

    private ClientConnection.Protection protection(boolean encrypt) {
        return encrypt ? ClientConnection.Protection.ENCRYPT
                : state.signer != null ? ClientConnection.Protection.SIGN : ClientConnection.Protection.NONE;
    }

    /** Waits for a started request and returns its response if it succeeded. */
    ClientConnection.Received finish(Command command, ClientConnection.Exchange exchange) throws SmbException {
        return succeeded(command, client.connection().await(exchange));
    }

    /** As {@link #finish(Command, ClientConnection.Exchange)}, waiting up to {@code timeout}. */
    ClientConnection.Received finish(Command command, ClientConnection.Exchange exchange, Duration timeout)
            throws SmbException {
        return succeeded(command, client.connection().await(exchange, timeout));
    }

    private static ClientConnection.Received succeeded(Command command, ClientConnection.Received response)
            throws SmbException {
        NtStatus status = response.status();
        // anything but success fails the request, warnings included (STATUS_NO_MORE_FILES ends a listing);
        // STATUS_BUFFER_OVERFLOW alone comes with data the caller may use
        if (!status.equals(NtStatus.SUCCESS) && !status.equals(NtStatus.BUFFER_OVERFLOW)) {
            throw new SmbException(status, command.name() + " failed");
        }
        return response;
    }
}
