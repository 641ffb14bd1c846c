package dev.smbq.client;

import dev.smbq.smb2.crypto.KeyLog;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.trace.MessageTrace;
import java.time.Duration;

/**
 * How a client connects.
 *
 * @param transport      transport options (trust, key log of the TLS layer, sizes)
 * @param negotiation    what to offer; over QUIC, {@code acceptTransportSecurity} offers to skip SMB encryption
 * @param encrypt        encrypt every message after session setup even where the server does not ask for it (over
 *                       QUIC this also stops the offer of transport-level security: double encryption)
 * @param requestTimeout how long one request may wait for its response
 * @param keyLog         where session keys go, if anywhere (explicit opt-in)
 * @param trace          sees every message sent and received, decrypted as well (the {@code --trace} option)
 * @param pieceSize      bytes per READ or WRITE in a whole-file transfer (at most the negotiated maximum)
 * @param depth          READs or WRITEs a whole-file transfer keeps outstanding
 */
public record ClientOptions(TransportOptions transport, NegotiatePolicy negotiation, boolean encrypt,
                            Duration requestTimeout, KeyLog keyLog, MessageTrace trace, int pieceSize, int depth) {
    public ClientOptions {
        if (pieceSize < 1 || depth < 1) {
            throw new IllegalArgumentException("piece size and depth must be positive");
        }
    }

    /**
     * Signing required (as Windows 11 24H2 clients require it): every request after session setup is signed and every
     * response must be; 1 MiB pieces, 8 outstanding.
     */
    public static ClientOptions defaults() {
        return new ClientOptions(TransportOptions.defaults(), NegotiatePolicy.defaults().withSigningRequired(true),
                false, Duration.ofSeconds(60), KeyLog.NONE, MessageTrace.NONE, 1 << 20, 8);
    }

    /** How whole-file transfers cut their data: {@code pieceSize} bytes per request, {@code depth} at once. */
    public ClientOptions withTransfers(int newPieceSize, int newDepth) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, keyLog, trace, newPieceSize, newDepth);
    }

    public ClientOptions withTransport(TransportOptions options) {
        return new ClientOptions(options, negotiation, encrypt, requestTimeout, keyLog, trace, pieceSize, depth);
    }

    public ClientOptions withNegotiation(NegotiatePolicy policy) {
        return new ClientOptions(transport, policy, encrypt, requestTimeout, keyLog, trace, pieceSize, depth);
    }

    /** Forces SMB encryption (and so, over QUIC, double encryption). */
    public ClientOptions withEncryption(boolean forced) {
        return new ClientOptions(transport, negotiation.withAcceptTransportSecurity(!forced && negotiation
                .acceptTransportSecurity()), forced, requestTimeout, keyLog, trace, pieceSize, depth);
    }

    public ClientOptions withRequestTimeout(Duration timeout) {
        return new ClientOptions(transport, negotiation, encrypt, timeout, keyLog, trace, pieceSize, depth);
    }

    public ClientOptions withKeyLog(KeyLog log) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, log, trace, pieceSize, depth);
    }

    public ClientOptions withTrace(MessageTrace newTrace) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, keyLog, newTrace, pieceSize, depth);
    }
}
