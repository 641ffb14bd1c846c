package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.codec.Smb1NegotiateCodec;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb1NegotiateRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.context.CompressionCapabilities;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.message.context.RdmaTransformCapabilities;
import dev.smbq.smb2.message.context.SigningCapabilities;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.spec.ContextFlags;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.GlobalCapabilities;
import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.spec.SecurityMode;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DecodeAction;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The server side of NEGOTIATE ([MS-SMB2] 3.3.5.3 and 3.3.5.4) as a pure engine: request bytes in, response bytes
 * and the agreed {@link NegotiatedParameters} out. Randomness (the salt) and the clock (SystemTime) are injected.
 * One instance per connection: a NEGOTIATE after a successful one is a protocol violation (3.3.5.3.1).
 */
public final class ServerNegotiator {
    private static final int SALT_SIZE = 32;
    private static final long SMB_2_0_2_MAX_IO = 65536;
    private static final int SMB3_CAPABILITIES = GlobalCapabilities.DFS | GlobalCapabilities.LEASING
            | GlobalCapabilities.LARGE_MTU | GlobalCapabilities.MULTI_CHANNEL | GlobalCapabilities.PERSISTENT_HANDLES
            | GlobalCapabilities.DIRECTORY_LEASING | GlobalCapabilities.ENCRYPTION;

    private final NegotiatePolicy policy;
    private final TransportKind transport;
    private final UUID serverGuid;
    private final Bytes securityBuffer;
    private final RandomGenerator random;
    private final Clock clock;
    private boolean negotiated;
    private boolean upgradedFromSmb1;

    /**
     * @param securityBuffer the GSS token offered in the response (a SPNEGO negTokenInit hint), may be empty
     */
    public ServerNegotiator(NegotiatePolicy policy, TransportKind transport, UUID serverGuid, Bytes securityBuffer,
                            RandomGenerator random, Clock clock) {
        this.policy = policy;
        this.transport = transport;
        this.serverGuid = serverGuid;
        this.securityBuffer = securityBuffer;
        this.random = random;
        this.clock = clock;
    }

    /** [MS-SMB2] 3.3.5.3.1: the SMB1 multi-protocol NEGOTIATE that some clients send first. */
    public ServerNegotiation negotiateSmb1(byte[] smb1Bytes) {
        if (negotiated || upgradedFromSmb1) {
            return new ServerNegotiation.Disconnect("SMB1 NEGOTIATE after negotiation");
        }
        Smb1NegotiateRequest smb1;
        try {
            smb1 = Smb1NegotiateCodec.decode(Bytes.wrap(smb1Bytes.clone()));
        } catch (SmbDecodeException e) {
            return new ServerNegotiation.Disconnect(e.getMessage());
        }
        List<Dialect> supported = dialectsFor(transport);
        boolean beyond202 = supported.stream().anyMatch(d -> d.isAtLeast(Dialect.SMB_2_1));
        Dialect dialect;
        if (smb1.dialects().contains(Smb1NegotiateRequest.SMB_2_WILDCARD) && beyond202) {
            dialect = Dialect.SMB_2_WILDCARD;
        } else if (smb1.dialects().contains(Smb1NegotiateRequest.SMB_2_002)
                && supported.contains(Dialect.SMB_2_0_2)) {
            dialect = Dialect.SMB_2_0_2;
        } else {
            // No SMB2 dialect we speak: [MS-SMB2] 3.3.5.3.1 leaves the connection to SMB1, which is not spoken here.
            return new ServerNegotiation.Disconnect("SMB1 NEGOTIATE without an SMB2 dialect this server supports");
        }
        Smb2Header header = Smb2Header.responseTo(Smb2Header.request(Command.NEGOTIATE, 0), NtStatus.SUCCESS, 1);
        NegotiateResponse response = response(dialect, 0, List.of());
        byte[] bytes = Smb2Codec.encode(new Smb2Message(header, response));
        if (dialect.equals(Dialect.SMB_2_WILDCARD)) {
            upgradedFromSmb1 = true;
            return new ServerNegotiation.Upgraded(bytes, dialect);
        }
        negotiated = true;
        return new ServerNegotiation.Accepted(bytes, parameters(dialect, new NegotiateRequest(0, 0, new UUID(0, 0),
                List.of(Dialect.SMB_2_0_2), List.of()), response, CipherId.NONE, SigningAlgorithm.HMAC_SHA256,
                List.of(), false, false, Bytes.EMPTY));
    }

    /** [MS-SMB2] 3.3.5.4: an SMB2 NEGOTIATE request. */
    public ServerNegotiation negotiate(byte[] requestBytes) {
        if (negotiated) {
            return new ServerNegotiation.Disconnect("second NEGOTIATE on a negotiated connection");
        }
        Smb2Header requestHeader;
        Smb2Message message;
        try {
            requestHeader = Smb2Codec.decodeHeader(Bytes.wrap(requestBytes.clone()));
        } catch (SmbDecodeException e) {
            return new ServerNegotiation.Disconnect(e.getMessage());
        }
        if (requestHeader.isResponse() || !requestHeader.command().equals(Command.NEGOTIATE)) {
            return new ServerNegotiation.Disconnect("expected a NEGOTIATE request, got " + requestHeader.command());
        }
        try {
            message = Smb2Codec.decode(Bytes.wrap(requestBytes.clone()));
        } catch (SmbDecodeException e) {
            if (e.action() == DecodeAction.DISCONNECT) {
                return new ServerNegotiation.Disconnect(e.getMessage());
            }
            return reject(requestHeader, e.status(), e.getMessage());
        }
        NegotiateRequest request = (NegotiateRequest) message.body();
        try {
            return accept(requestHeader, request, requestBytes);
        } catch (Refusal refusal) {
            return reject(requestHeader, refusal.status, refusal.getMessage());
        }
    }

    /** [MS-SMB2] 2.1: only dialect 3.1.1 runs over QUIC; a QUIC client offering nothing newer is not supported. */
    private List<Dialect> dialectsFor(TransportKind kind) {
        return kind == TransportKind.QUIC ? policy.dialects().stream().filter(Dialect.SMB_3_1_1::equals).toList()
                : policy.dialects();
    }

    private ServerNegotiation accept(Smb2Header requestHeader, NegotiateRequest request, byte[] requestBytes)
            throws Refusal {
        // [MS-SMB2] 3.3.5.4: the greatest dialect both sides support.
        Dialect dialect = request.dialects().stream().filter(dialectsFor(transport)::contains)
                .max(Comparator.comparingInt(Dialect::code))
                .orElseThrow(() -> new Refusal(NtStatus.NOT_SUPPORTED, "no common dialect in " + request.dialects()));

        CipherId cipher = CipherId.NONE;
        SigningAlgorithm signing = dialect.isSmb3() ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
        List<CompressionAlgorithm> compression = List.of();
        boolean chained = false;
        boolean transportSecurity = false;
        List<NegotiateContext> responseContexts = new ArrayList<>();
        if (dialect.equals(Dialect.SMB_3_1_1)) {
            List<String> duplicates = new ArrayList<>();
            ContextIndex contexts = ContextIndex.of(request.negotiateContexts(), duplicates::add);
            // [MS-SMB2] 3.3.5.4: each context type at most once.
            if (!duplicates.isEmpty()) {
                throw new Refusal(NtStatus.INVALID_PARAMETER, "duplicate " + duplicates.get(0));
            }
            // [MS-SMB2] 3.3.5.4: a 3.1.1 request MUST carry PREAUTH_INTEGRITY_CAPABILITIES with at least one hash,
            // and one this server supports.
            PreauthIntegrityCapabilities preauth = contexts.get(PreauthIntegrityCapabilities.class)
                    .orElseThrow(() -> new Refusal(NtStatus.INVALID_PARAMETER, "no PREAUTH_INTEGRITY_CAPABILITIES"));
            if (preauth.hashAlgorithms().isEmpty()) {
                throw new Refusal(NtStatus.INVALID_PARAMETER, "HashAlgorithmCount 0");
            }
            if (!preauth.hashAlgorithms().contains(HashAlgorithm.SHA_512)) {
                throw new Refusal(NtStatus.SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP, "no SHA-512 offered");
            }
            byte[] salt = new byte[SALT_SIZE];
            random.nextBytes(salt);
            responseContexts.add(new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.wrap(salt)));

            var encryption = contexts.get(EncryptionCapabilities.class);
            if (encryption.isPresent()) {
                if (encryption.get().ciphers().isEmpty()) {
                    throw new Refusal(NtStatus.INVALID_PARAMETER, "CipherCount 0");
                }
                if (!policy.ciphers().isEmpty()) {
                    cipher = firstOffered(policy.ciphers(), encryption.get().ciphers()).orElse(CipherId.NONE);
                    // No overlap is answered with cipher 0: the connection simply cannot encrypt.
                    responseContexts.add(new EncryptionCapabilities(List.of(cipher)));
                }
            }
            var compressionContext = contexts.get(CompressionCapabilities.class);
            if (compressionContext.isPresent()) {
                if (compressionContext.get().algorithms().isEmpty()) {
                    throw new Refusal(NtStatus.INVALID_PARAMETER, "CompressionAlgorithmCount 0");
                }
                if (!policy.compressionAlgorithms().isEmpty()) {
                    compression = policy.compressionAlgorithms().stream()
                            .filter(compressionContext.get().algorithms()::contains).toList();
                    chained = policy.chainedCompression()
                            && (compressionContext.get().flags() & ContextFlags.COMPRESSION_CHAINED) != 0;
                    responseContexts.add(new CompressionCapabilities(chained ? ContextFlags.COMPRESSION_CHAINED : 0,
                            compression.isEmpty() ? List.of(CompressionAlgorithm.NONE) : compression));
                }
            }
            var rdma = contexts.get(RdmaTransformCapabilities.class);
            if (rdma.isPresent() && rdma.get().transformIds().isEmpty()) {
                throw new Refusal(NtStatus.INVALID_PARAMETER, "TransformCount 0");
            }
            // RDMA transforms matter only over SMB Direct, which this server does not speak: no response context.
            var transportContext = contexts.get(TransportCapabilities.class);
            // [MS-SMB2] 3.3.5.4: accept transport-level security only on QUIC, only if the policy allows it, and only
            // if the client asked; over TCP the context is ignored, never honoured.
            if (transport == TransportKind.QUIC && policy.acceptTransportSecurity() && transportContext
                    .map(TransportCapabilities::acceptsTransportLevelSecurity).orElse(false)) {
                transportSecurity = true;
                responseContexts.add(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
            }
            var signingContext = contexts.get(SigningCapabilities.class);
            if (signingContext.isPresent()) {
                if (signingContext.get().signingAlgorithms().isEmpty()) {
                    throw new Refusal(NtStatus.INVALID_PARAMETER, "SigningAlgorithmCount 0");
                }
                // [MS-SMB2] 3.3.5.4: with no common algorithm the server uses AES-CMAC.
                signing = firstOffered(policy.signingAlgorithms(), signingContext.get().signingAlgorithms())
                        .orElse(SigningAlgorithm.AES_CMAC);
                responseContexts.add(new SigningCapabilities(List.of(signing)));
            }
            // NETNAME_NEGOTIATE_CONTEXT_ID is informational and never answered (3.3.5.4).
        } else if (dialect.isSmb3() && (request.capabilities() & GlobalCapabilities.ENCRYPTION) != 0
                && policy.ciphers().contains(CipherId.AES_128_CCM)) {
            cipher = CipherId.AES_128_CCM; // 3.0 and 3.0.2 know only AES-128-CCM
        }

        int capabilities = responseCapabilities(dialect, cipher);
        NegotiateResponse response = response(dialect, capabilities, responseContexts);
        int credits = Math.max(1, requestHeader.creditRequestResponse());
        Smb2Header header = Smb2Header.responseTo(requestHeader, NtStatus.SUCCESS, credits);
        byte[] responseBytes = Smb2Codec.encode(new Smb2Message(header, response));
        Bytes hash = dialect.equals(Dialect.SMB_3_1_1)
                ? PreauthIntegrityHash.initial().update(requestBytes).update(responseBytes).value() : Bytes.EMPTY;
        negotiated = true;
        return new ServerNegotiation.Accepted(responseBytes,
                parameters(dialect, request, response, cipher, signing, compression, chained, transportSecurity, hash));
    }

    private int responseCapabilities(Dialect dialect, CipherId cipher) {
        if (dialect.equals(Dialect.SMB_2_0_2)) {
            return policy.capabilities() & GlobalCapabilities.DFS;
        }
        if (!dialect.isSmb3()) {
            return policy.capabilities() & (GlobalCapabilities.DFS | GlobalCapabilities.LEASING | GlobalCapabilities.LARGE_MTU);
        }
        int capabilities = policy.capabilities() & SMB3_CAPABILITIES & ~GlobalCapabilities.ENCRYPTION;
        // 3.0/3.0.2 announce encryption by capability; 3.1.1 by the ENCRYPTION_CAPABILITIES context instead.
        if (!dialect.equals(Dialect.SMB_3_1_1) && !cipher.equals(CipherId.NONE)) {
            capabilities |= GlobalCapabilities.ENCRYPTION;
        }
        return capabilities;
    }

    private NegotiateResponse response(Dialect dialect, int capabilities, List<NegotiateContext> contexts) {
        long maxIo = dialect.equals(Dialect.SMB_2_0_2) ? SMB_2_0_2_MAX_IO : Long.MAX_VALUE;
        int securityMode = SecurityMode.SIGNING_ENABLED | (policy.signingRequired() ? SecurityMode.SIGNING_REQUIRED : 0);
        return new NegotiateResponse(securityMode, dialect, serverGuid, capabilities,
                Math.min(policy.maxTransactSize(), maxIo), Math.min(policy.maxReadSize(), maxIo),
                Math.min(policy.maxWriteSize(), maxIo), FileTimes.fromInstant(clock.instant()), 0, securityBuffer,
                contexts);
    }

    private NegotiatedParameters parameters(Dialect dialect, NegotiateRequest request, NegotiateResponse response,
                                            CipherId cipher, SigningAlgorithm signing,
                                            List<CompressionAlgorithm> compression, boolean chained,
                                            boolean transportSecurity, Bytes preauthHash) {
        boolean signingRequired = policy.signingRequired()
                || (request.securityMode() & SecurityMode.SIGNING_REQUIRED) != 0;
        return new NegotiatedParameters(transport, dialect, request.clientGuid(), serverGuid, request.capabilities(),
                response.capabilities(), request.securityMode(), response.securityMode(), signingRequired, cipher,
                signing, compression, chained, response.maxTransactSize(), response.maxReadSize(),
                response.maxWriteSize(), transportSecurity, preauthHash, request.dialects());
    }

    private static <T> java.util.Optional<T> firstOffered(List<T> preference, List<T> offered) {
        return preference.stream().filter(offered::contains).findFirst();
    }

    private ServerNegotiation reject(Smb2Header requestHeader, NtStatus status, String reason) {
        Smb2Header header = Smb2Header.responseTo(requestHeader, status, 1);
        byte[] bytes = Smb2Codec.encode(new Smb2Message(header, ErrorResponse.of(Command.NEGOTIATE)));
        return new ServerNegotiation.Rejected(bytes, status, reason);
    }

    /** A rule of 3.3.5.4 the request broke; answered with {@code status}. */
    private static final class Refusal extends Exception {
        private final NtStatus status;

        Refusal(NtStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
