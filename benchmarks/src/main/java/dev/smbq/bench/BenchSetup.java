package dev.smbq.bench;

import dev.smbq.client.ClientOptions;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import java.util.List;

/**
 * One end-to-end configuration, named {@code TRANSPORT/MODE}: the transport ({@code tcp}, {@code quic-netty},
 * {@code quic-kwik}) and what protects the data:
 * <ul>
 *   <li>{@code raw}: the transport's own stream, no SMB at all (the ceiling);</li>
 *   <li>{@code transport-only} (QUIC): the client offers SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY, the server accepts,
 *       messages are signed (AES-GMAC) and not SMB-encrypted;</li>
 *   <li>{@code transport-only-unsigned} (QUIC): the same, but neither side requires signing, so everything after the
 *       TREE_CONNECT goes unsigned and QUIC alone protects it: what signing costs;</li>
 *   <li>{@code double-CIPHER} (QUIC): SMB encryption forced with that cipher, inside QUIC's own;</li>
 *   <li>{@code signed} (TCP): signing only;</li>
 *   <li>{@code CIPHER} (TCP): SMB encryption with that cipher.</li>
 * </ul>
 * QUIC on Netty runs with 65000-byte datagrams, which loopback allows; the raw ceiling uses the same settings.
 */
record BenchSetup(String transport, String mode) {
    /** What one benchmark operation moves, in MiB. */
    static final int MEBIBYTES_PER_OPERATION = 16;
    /** The QUIC mode where neither side requires signing. */
    static final String UNSIGNED = "transport-only-unsigned";

    static final List<String> CIPHERS = List.of("AES-128-GCM", "AES-256-GCM", "AES-128-CCM", "AES-256-CCM");

    static BenchSetup parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a setup is TRANSPORT/MODE, not " + text);
        }
        return new BenchSetup(text.substring(0, slash), text.substring(slash + 1));
    }

    boolean raw() {
        return mode.equals("raw");
    }

    /**
     * The client's options: negotiation and encryption as the mode says, transfers in {@code pieceSize} pieces, the
     * server's certificate trusted as {@code trust} says.
     */
    ClientOptions clientOptions(int pieceSize, int depth, TrustPolicy trust) {
        ClientOptions options = ClientOptions.defaults().withTransport(transportOptions(transport).withTrust(trust))
                .withTransfers(pieceSize, depth);
        String cipher = mode.startsWith("double-") ? mode.substring("double-".length()) : mode;
        if (CIPHERS.contains(cipher)) {
            return options.withNegotiation(options.negotiation().withCiphers(List.of(Ciphers.byName(cipher))))
                    .withEncryption(true);
        }
        if (mode.equals("transport-only") || mode.equals(UNSIGNED) || mode.equals("signed")) {
            return options.withNegotiation(options.negotiation().withSigningRequired(signingRequired()));
        }
        throw new IllegalArgumentException("unknown mode " + mode);
    }

    /** Whether client and server require signing: in every mode but {@link #UNSIGNED}. */
    boolean signingRequired() {
        return !mode.equals(UNSIGNED);
    }

    static TransportOptions transportOptions(String transport) {
        TransportOptions options = TransportOptions.defaults();
        return transport.equals("quic-netty") ? options.withBackendOption("datagram-size", "65000") : options;
    }
}
