package dev.smbq.client;

import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.IoctlRequest;
import dev.smbq.smb2.message.IoctlResponse;
import dev.smbq.smb2.message.LogoffRequest;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.TreeConnectRequest;
import dev.smbq.smb2.message.TreeConnectResponse;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.time.Duration;
import java.util.List;

/** An authenticated session: tree connects, echo, logoff. */
public final class SmbSession {
    private static final int VALIDATE_NEGOTIATE_FIXED_SIZE = 24;
    private static final int VALIDATE_NEGOTIATE_RESPONSE_SIZE = 24;

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

    ClientSessionState state() {
        return state;
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
        // [MS-SMB2] 3.3.5.7: a 3.1.1 server drops the connection on a user's TREE_CONNECT neither signed nor encrypted
        ClientConnection.Received response = signedRequest(Command.TREE_CONNECT, 0, new TreeConnectRequest(0, path),
                encryptData);
        TreeConnectResponse tree = (TreeConnectResponse) response.message().body();
        boolean treeEncrypts = (tree.shareFlags() & TreeConnectResponse.SHAREFLAG_ENCRYPT_DATA) != 0
                && !client.negotiated().acceptTransportSecurity() && state.sealer != null;
        SmbTree connected = new SmbTree(this, response.message().header().treeId(), encryptData || treeEncrypts);
        Dialect dialect = client.negotiated().dialect();
        if ((dialect.equals(Dialect.SMB_3_0) || dialect.equals(Dialect.SMB_3_0_2)) && state.signer != null) {
            validateNegotiation(connected);
        }
        return connected;
    }

    /**
     * [MS-SMB2] 3.2.5.5, 3.2.4.20.1: 3.0 and 3.0.2 have no pre-auth integrity, so after a tree connect the client
     * sends what it offered in its NEGOTIATE, signed, and the server must answer, signed, with what it chose; any
     * difference means someone changed the NEGOTIATE on the way, and the connection ends (3.2.5.14.12).
     */
    private void validateNegotiation(SmbTree tree) throws SmbException {
        NegotiatedParameters negotiated = client.negotiated();
        List<Dialect> dialects = negotiated.clientDialects();
        byte[] input = new byte[VALIDATE_NEGOTIATE_FIXED_SIZE + 2 * dialects.size()];
        WireWriter out = WireWriter.of(input).u32(negotiated.clientCapabilities()).guid(negotiated.clientGuid())
                .u16(negotiated.clientSecurityMode()).u16(dialects.size());
        dialects.forEach(offered -> out.u16(offered.code()));
        IoctlRequest request = new IoctlRequest(IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, new FileId(-1L, -1L), 0,
                VALIDATE_NEGOTIATE_RESPONSE_SIZE, IoctlRequest.FLAG_IS_FSCTL, Bytes.wrap(input), Bytes.EMPTY);
        ClientConnection.Received response;
        try {
            response = signedRequest(Command.IOCTL, tree.id(), request, tree.encrypted());
        } catch (SmbException e) {
            throw validationFailed("the server answered " + e.status().name());
        }
        Bytes output = ((IoctlResponse) response.message().body()).output();
        if (!response.encrypted() && !response.message().header().isSigned()) {
            throw validationFailed("the response is not signed");
        }
        if (output.length() < VALIDATE_NEGOTIATE_RESPONSE_SIZE) {
            throw validationFailed("the response is too short");
        }
        WireReader in = WireReader.of(output);
        if (in.u32() != negotiated.serverCapabilities() || !in.guid().equals(negotiated.serverGuid())
                || in.u16() != negotiated.serverSecurityMode() || in.u16() != negotiated.dialect().code()) {
            throw validationFailed("the server's answer differs from its NEGOTIATE response");
        }
    }

    private SmbException validationFailed(String reason) {
        client.close();
        return new SmbException(NtStatus.ACCESS_DENIED, "FSCTL_VALIDATE_NEGOTIATE_INFO failed: " + reason);
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
        return send(command, treeId, body, protection(encrypt, state.signingRequired));
    }

    /**
     * As {@link #request(Command, int, Smb2Body, boolean)}, signed even where the session does not require signing:
     * for what the peer must be able to trust whatever was negotiated.
     */
    private ClientConnection.Received signedRequest(Command command, int treeId, Smb2Body body, boolean encrypt)
            throws SmbException {
        return finish(command, send(command, treeId, body, protection(encrypt, true)));
    }

    private ClientConnection.Exchange send(Command command, int treeId, Smb2Body body,
                                           ClientConnection.Protection protection) throws SmbException {
        return client.connection().send(Smb2Header.request(command, 0).withSession(state.id, treeId), body, state,
                protection);
    }

    /** Asks the server to cancel a started request; its response still comes, STATUS_CANCELLED if it was cancelled. */
    void cancel(ClientConnection.Exchange exchange, boolean encrypt) {
        client.connection().cancel(exchange, state, protection(encrypt, state.signingRequired));
    }

    /** [MS-SMB2] 3.2.4.1.1: a request must be signed where the session requires signing; elsewhere it may be. */
    private ClientConnection.Protection protection(boolean encrypt, boolean sign) {
        return encrypt ? ClientConnection.Protection.ENCRYPT
                : state.signer != null && sign ? ClientConnection.Protection.SIGN : ClientConnection.Protection.NONE;
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
