package dev.smbq.client;

import dev.smbq.smb2.auth.AuthStep;
import dev.smbq.smb2.auth.AuthenticationException;
import dev.smbq.smb2.auth.Credentials;
import dev.smbq.smb2.auth.NtlmClient;
import dev.smbq.smb2.auth.SpnegoClient;
import dev.smbq.smb2.crypto.JitWarmup;
import dev.smbq.smb2.crypto.SessionKeys;
import dev.smbq.smb2.crypto.SessionPreauth;
import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.SessionSetupResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.negotiate.NegotiationException;
import dev.smbq.smb2.negotiate.PreauthIntegrityHash;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.spec.SecurityMode;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportProvider;
import dev.smbq.smb2.transport.Transports;
import dev.smbq.smb2.wire.Bytes;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An SMB 3.1.1 client connection: connect over a transport, negotiate (over QUIC offering transport-level
 * security unless encryption is forced), then {@link #login} for sessions.
 */
public final class SmbClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransportConnector connector;
    private final ClientConnection connection;
    private final ClientOptions options;
    private final String serverName;
    private final NegotiatedParameters negotiated;

    private SmbClient(TransportConnector connector, ClientConnection connection, ClientOptions options,
                      String serverName, NegotiatedParameters negotiated) {
        this.connector = connector;
        this.connection = connection;
        this.options = options;
        this.serverName = serverName;
        this.negotiated = negotiated;
    }

    /** Connects with transport {@code transportId} to {@code address}, whose certificate must name {@code serverName}. */
    public static SmbClient connect(String transportId, InetSocketAddress address, String serverName,
                                    ClientOptions options) throws SmbException {
        JitWarmup.startInBackground();
        TransportProvider provider = Transports.byId(transportId);
        TransportConnector connector = provider.connector(options.transport());
        try {
            SmbChannel channel = connector.connect(address, serverName)
                    .get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ClientNegotiator negotiator;
            try {
                negotiator = new ClientNegotiator(options.negotiation().withServerName(serverName),
                        channel.info().kind(), UUID.randomUUID(), RANDOM);
            } catch (IllegalArgumentException unusable) {
                throw new SmbException(NtStatus.NOT_SUPPORTED, unusable.getMessage());
            }
            ClientConnection connection = new ClientConnection(channel, options);
            ClientConnection.Exchange exchange = connection.sendPrepared(negotiator.requestBytes());
            ClientConnection.Received response = connection.await(exchange);
            NegotiatedParameters negotiated = negotiator.complete(response.bytes());
            if (options.encrypt() && !negotiated.encryptionAvailable()) {
                throw new SmbException(NtStatus.NOT_SUPPORTED, "encryption forced, but no cipher in common");
            }
            return new SmbClient(connector, connection, options, serverName, negotiated);
        } catch (NegotiationException e) {
            connector.close();
            throw new SmbException(e.status(), "NEGOTIATE failed: " + e.getMessage(), e);
        } catch (SmbException e) {
            connector.close();
            throw e;
        } catch (Exception e) {
            connector.close();
            throw new SmbException(NtStatus.INVALID_NETWORK_RESPONSE, "cannot connect to " + address + ": "
                    + connectFailure(e), e);
        }
    }

    /** What failed, out of the future's wrappers: an unreachable port, a refused certificate, a timeout. */
    private static String connectFailure(Exception failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    public NegotiatedParameters negotiated() {
        return negotiated;
    }

    public String serverName() {
        return serverName;
    }

    ClientConnection connection() {
        return connection;
    }

    ClientOptions options() {
        return options;
    }

    /**
     * [MS-SMB2] 3.2.4.2.3 / 3.2.5.3: authenticates with NTLMv2 in SPNEGO, keeping the session's pre-auth hash, then
     * derives the keys and checks the signature of the final response with them.
     */
    public SmbSession login(Credentials credentials) throws SmbException {
        SpnegoClient spnego = new SpnegoClient(new NtlmClient(credentials, "SMBQ", "cifs/" + serverName, RANDOM,
                Clock.systemUTC()));
        boolean v311 = negotiated.dialect().equals(Dialect.SMB_3_1_1);
        SessionPreauth preauth = v311 ? SessionPreauth.startingFrom(
                new PreauthIntegrityHash(negotiated.preauthIntegrityHash())) : null;
        int securityMode = SecurityMode.SIGNING_ENABLED
                | (options.negotiation().signingRequired() ? SecurityMode.SIGNING_REQUIRED : 0);
        Bytes token = Bytes.wrap(spnego.initialToken());
        long sessionId = 0;
        try {
            while (true) {
                ClientConnection.Exchange exchange = connection.send(
                        Smb2Header.request(Command.SESSION_SETUP, 0).withSession(sessionId, 0),
                        new SessionSetupRequest(0, securityMode, 0, 0, 0, token), null, ClientConnection.Protection.NONE);
                if (preauth != null) {
                    preauth = preauth.request(exchange.requestBytes());
                }
                ClientConnection.Received response = connection.await(exchange);
                NtStatus status = response.status();
                sessionId = response.message().header().sessionId();
                if (status.equals(NtStatus.MORE_PROCESSING_REQUIRED)) {
                    if (preauth != null) {
                        preauth = preauth.response(response.bytes(), status);
                    }
                    AuthStep step = spnego.next(securityBuffer(response).toByteArray());
                    token = step.token();
                    continue;
                }
                if (!status.equals(NtStatus.SUCCESS)) {
                    throw new SmbException(status, "SESSION_SETUP refused");
                }
                SessionSetupResponse last = (SessionSetupResponse) response.message().body();
                return established(spnego, credentials, last, response, sessionId, preauth);
            }
        } catch (AuthenticationException e) {
            throw new SmbException(e.status(), "authentication failed: " + e.getMessage(), e);
        }
    }

    private SmbSession established(SpnegoClient spnego, Credentials credentials, SessionSetupResponse last,
                                   ClientConnection.Received response, long sessionId, SessionPreauth preauth)
            throws SmbException, AuthenticationException {
        boolean guest = (last.sessionFlags() & (SessionSetupResponse.FLAG_IS_GUEST | SessionSetupResponse.FLAG_IS_NULL)) != 0;
        if (guest || credentials.isAnonymous()) {
            ClientSessionState state = new ClientSessionState(sessionId, null, null, null, null, false);
            connection.register(state);
            return new SmbSession(this, state, false);
        }
        if (!last.securityBuffer().isEmpty()) {
            spnego.next(last.securityBuffer().toByteArray()); // checks the server's mechListMIC
        }
        Bytes sessionKey = spnego.sessionKey();
        Bytes hash = preauth == null ? Bytes.EMPTY : preauth.hash().value();
        SessionKeys keys = SessionKeys.derive(negotiated.dialect(), negotiated.cipher(), sessionKey, hash);
        Smb2Signer signer = Smb2Signer.of(negotiated.signingAlgorithm(), keys.signingKey());
        // [MS-SMB2] 3.2.5.3.1: a 3.1.1 final response must be signed, and with the keys just derived
        boolean signed = response.message().header().isSigned() && signer.verify(response.raw());
        if (!signed && (negotiated.dialect().equals(Dialect.SMB_3_1_1) || negotiated.signingRequired())) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "the final SESSION_SETUP response is not signed correctly");
        }
        boolean canEncrypt = negotiated.dialect().isSmb3() && !negotiated.cipher().equals(CipherId.NONE);
        TransformSealer sealer = canEncrypt ? TransformSealer.of(negotiated.cipher(), keys.clientToServerKey()) : null;
        TransformUnsealer unsealer = canEncrypt
                ? TransformUnsealer.of(negotiated.cipher(), keys.serverToClientKey(), sessionId) : null;
        ClientSessionState state = new ClientSessionState(sessionId, signer,
                Smb2Signer.of(negotiated.signingAlgorithm(), keys.signingKey()), sealer, unsealer,
                negotiated.signingRequired());
        connection.register(state);
        options.keyLog().session(sessionId, sessionKey, keys);
        // with transport-level security accepted the client never sets EncryptData (3.2.5.3.1), whatever the flag
        boolean encrypt = canEncrypt && (options.encrypt() || (!negotiated.acceptTransportSecurity()
                && (last.sessionFlags() & SessionSetupResponse.FLAG_ENCRYPT_DATA) != 0));
        return new SmbSession(this, state, encrypt);
    }

    private static Bytes securityBuffer(ClientConnection.Received response) {
        return ((SessionSetupResponse) response.message().body()).securityBuffer();
    }

    @Override
    public void close() {
        connection.channel().closeGracefully().orTimeout(15, TimeUnit.SECONDS).exceptionally(e -> null).join();
        connector.close();
    }

}
