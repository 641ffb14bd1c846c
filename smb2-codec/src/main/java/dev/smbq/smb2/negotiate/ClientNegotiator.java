package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.context.CompressionCapabilities;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.NetnameNegotiateContextId;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.message.context.SigningCapabilities;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.ContextFlags;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.GlobalCapabilities;
import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.SecurityMode;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The client side of NEGOTIATE ([MS-SMB2] 3.2.4.2.2.2 sending, 3.2.5.2 receiving) as a pure engine: it builds the
 * request bytes, then checks the response bytes and yields the {@link NegotiatedParameters}. No I/O; the salt comes
 * from the injected random generator. One instance per connection, used once.
 */
public final class ClientNegotiator {
    private static final int SALT_SIZE = 32;

    private final NegotiatePolicy policy;
    private final TransportKind transport;
    private final NegotiateRequest request;
    private byte[] requestBytes;

    public ClientNegotiator(NegotiatePolicy policy, TransportKind transport, UUID clientGuid, RandomGenerator random) {
        this.policy = policy;
        this.transport = transport;
        this.request = buildRequest(policy, transport, clientGuid, random);
    }

    private static NegotiateRequest buildRequest(NegotiatePolicy policy, TransportKind transport, UUID clientGuid,
                                                 RandomGenerator random) {
        // [MS-SMB2] 2.1: only dialect 3.1.1 runs over QUIC, so that is all a client offers there.
        List<Dialect> dialects = policy.dialects();
        if (transport == TransportKind.QUIC) {
            dialects = dialects.stream().filter(Dialect.SMB_3_1_1::equals).toList();
            if (dialects.isEmpty()) {
                throw new IllegalArgumentException("SMB over QUIC needs dialect 3.1.1, the policy offers only "
                        + policy.dialects());
            }
        }
        int securityMode = SecurityMode.SIGNING_ENABLED | (policy.signingRequired() ? SecurityMode.SIGNING_REQUIRED : 0);
        List<NegotiateContext> contexts = new ArrayList<>();
        if (dialects.contains(Dialect.SMB_3_1_1)) {
            byte[] salt = new byte[SALT_SIZE];
            random.nextBytes(salt);
            // [MS-SMB2] 3.2.4.2.2.2: PREAUTH_INTEGRITY_CAPABILITIES comes first, then the others.
            contexts.add(new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.wrap(salt)));
            if (!policy.ciphers().isEmpty()) {
                contexts.add(new EncryptionCapabilities(policy.ciphers()));
            }
            if (!policy.compressionAlgorithms().isEmpty()) {
                contexts.add(new CompressionCapabilities(
                        policy.chainedCompression() ? ContextFlags.COMPRESSION_CHAINED : 0, policy.compressionAlgorithms()));
            }
            if (!policy.serverName().isEmpty()) {
                contexts.add(new NetnameNegotiateContextId(policy.serverName()));
            }
            // Offered only on QUIC, never on TCP, and only when the policy lets transport security replace SMB
            // encryption ([MS-SMB2] 3.2.4.2.2.2, DisableEncryptionOverSecureTransport).
            if (transport == TransportKind.QUIC && policy.acceptTransportSecurity()) {
                contexts.add(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
            }
            if (!policy.signingAlgorithms().isEmpty()) {
                contexts.add(new SigningCapabilities(policy.signingAlgorithms()));
            }
        }
        return new NegotiateRequest(securityMode, policy.capabilities(), clientGuid, dialects, contexts);
    }

    public NegotiateRequest request() {
        return request;
    }

    /** The request as sent, with MessageId 0 (the first message on a connection). Hashed for pre-auth integrity. */
    public byte[] requestBytes() {
        if (requestBytes == null) {
            requestBytes = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.NEGOTIATE, 0), request));
        }
        return requestBytes.clone();
    }

    /** Checks the server's response to {@link #requestBytes()} and returns what was agreed. */
    public NegotiatedParameters complete(byte[] responseBytes) throws NegotiationException {
        Smb2Message message;
        try {
            message = Smb2Codec.decode(Bytes.wrap(responseBytes.clone()));
        } catch (SmbDecodeException e) {
            throw NegotiationException.invalidResponse("malformed NEGOTIATE response: " + e.getMessage());
        }
        if (!message.header().isResponse() || !message.header().command().equals(Command.NEGOTIATE)) {
            throw NegotiationException.invalidResponse("expected a NEGOTIATE response, got " + message.header().command());
        }
        if (message.body() instanceof ErrorResponse) {
            throw NegotiationException.peerError(message.header().ntStatus());
        }
        NegotiateResponse response = (NegotiateResponse) message.body();
        Dialect dialect = response.dialectRevision();
        if (!request.offers(dialect)) {
            throw NegotiationException.invalidResponse("server chose " + dialect + ", which was not offered");
        }
        List<String> duplicates = new ArrayList<>();
        ContextIndex contexts = ContextIndex.of(response.negotiateContexts(), duplicates::add);
        if (!duplicates.isEmpty()) {
            throw NegotiationException.invalidResponse("duplicate " + duplicates.get(0) + " in the response");
        }

        CipherId cipher = CipherId.NONE;
        SigningAlgorithm signing = dialect.isSmb3() ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
        List<dev.smbq.smb2.spec.CompressionAlgorithm> compression = List.of();
        boolean chained = false;
        boolean transportSecurity = false;
        Bytes preauthHash = Bytes.EMPTY;
        if (dialect.equals(Dialect.SMB_3_1_1)) {
            PreauthIntegrityCapabilities preauth = contexts.get(PreauthIntegrityCapabilities.class).orElseThrow(
                    () -> NegotiationException.invalidResponse("3.1.1 response without PREAUTH_INTEGRITY_CAPABILITIES"));
            if (!preauth.hashAlgorithms().equals(List.of(HashAlgorithm.SHA_512))) {
                throw NegotiationException.invalidResponse("server chose hash " + preauth.hashAlgorithms() + ", not offered");
            }
            var encryption = contexts.get(EncryptionCapabilities.class);
            if (encryption.isPresent()) {
                List<CipherId> chosen = encryption.get().ciphers();
                if (chosen.size() != 1 || !(chosen.get(0).equals(CipherId.NONE) || policy.ciphers().contains(chosen.get(0)))) {
                    throw NegotiationException.invalidResponse("server chose cipher " + chosen + ", not offered");
                }
                cipher = chosen.get(0);
            }
            var signingContext = contexts.get(SigningCapabilities.class);
            if (signingContext.isPresent()) {
                List<SigningAlgorithm> chosen = signingContext.get().signingAlgorithms();
                if (chosen.size() != 1 || !policy.signingAlgorithms().contains(chosen.get(0))) {
                    throw NegotiationException.invalidResponse("server chose signing " + chosen + ", not offered");
                }
                signing = chosen.get(0);
            }
            var compressionContext = contexts.get(CompressionCapabilities.class);
            if (compressionContext.isPresent()) {
                List<dev.smbq.smb2.spec.CompressionAlgorithm> chosen = compressionContext.get().algorithms().stream()
                        .filter(algorithm -> !algorithm.equals(dev.smbq.smb2.spec.CompressionAlgorithm.NONE)).toList();
                if (!policy.compressionAlgorithms().containsAll(chosen)) {
                    throw NegotiationException.invalidResponse("server chose compression " + chosen + ", not offered");
                }
                compression = chosen;
                chained = policy.chainedCompression()
                        && (compressionContext.get().flags() & ContextFlags.COMPRESSION_CHAINED) != 0;
            }
            // [MS-SMB2] 3.2.5.2: transport security counts only if this client offered it, which it does on QUIC only.
            boolean offered = request.negotiateContexts().contains(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
            transportSecurity = offered && transport == TransportKind.QUIC && contexts.get(TransportCapabilities.class)
                    .map(TransportCapabilities::acceptsTransportLevelSecurity).orElse(false);
            preauthHash = PreauthIntegrityHash.initial().update(requestBytes()).update(responseBytes).value();
        } else if (dialect.isSmb3() && (response.capabilities() & GlobalCapabilities.ENCRYPTION) != 0
                && policy.ciphers().contains(CipherId.AES_128_CCM)) {
            cipher = CipherId.AES_128_CCM; // 3.0 and 3.0.2 know only AES-128-CCM
        }
        boolean signingRequired = policy.signingRequired()
                || (response.securityMode() & SecurityMode.SIGNING_REQUIRED) != 0;
        return new NegotiatedParameters(transport, dialect, request.clientGuid(), response.serverGuid(),
                request.capabilities(), response.capabilities(), request.securityMode(), response.securityMode(),
                signingRequired, cipher, signing, compression, chained, response.maxTransactSize(),
                response.maxReadSize(), response.maxWriteSize(), transportSecurity, preauthHash, request.dialects());
    }
}
