package dev.smbq.client;

import dev.smbq.smb2.crypto.KeyLog;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.wire.Bytes;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * How a client connects.
 *
 * @param transport      transport options (trust, key log of the TLS layer, sizes)
 * @param negotiation    what to offer; over QUIC, {@code acceptTransportSecurity} offers to skip SMB encryption
 * @param encrypt        encrypt every message after session setup even where the server does not ask for it (over
 *                       QUIC this also stops the offer of transport-level security: double encryption)
 * @param requestTimeout how long one request may wait for its response
 * @param keyLog         where session keys go, if anywhere (explicit opt-in)
 * @param wireTap        sees every message on the wire, {@code true} for outgoing (the trace option uses it)
 */
public record ClientOptions(TransportOptions transport, NegotiatePolicy negotiation, boolean encrypt,
                            Duration requestTimeout, KeyLog keyLog, BiConsumer<Boolean, Bytes> wireTap) {
    public static ClientOptions defaults() {
        return new ClientOptions(TransportOptions.defaults(), NegotiatePolicy.defaults(), false, Duration.ofSeconds(60),
                KeyLog.NONE, (outgoing, message) -> { });
    }

    public ClientOptions withTransport(TransportOptions options) {
        return new ClientOptions(options, negotiation, encrypt, requestTimeout, keyLog, wireTap);
    }

    public ClientOptions withNegotiation(NegotiatePolicy policy) {
        return new ClientOptions(transport, policy, encrypt, requestTimeout, keyLog, wireTap);
    }

    /** Forces SMB encryption (and so, over QUIC, double encryption). */
    public ClientOptions withEncryption(boolean forced) {
        return new ClientOptions(transport, negotiation.withAcceptTransportSecurity(!forced && negotiation
                .acceptTransportSecurity()), forced, requestTimeout, keyLog, wireTap);
    }

    public ClientOptions withKeyLog(KeyLog log) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, log, wireTap);
    }

    public ClientOptions withWireTap(BiConsumer<Boolean, Bytes> tap) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, keyLog, tap);
    }
}
