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
 */
public record ClientOptions(TransportOptions transport, NegotiatePolicy negotiation, boolean encrypt,
                            Duration requestTimeout, KeyLog keyLog, MessageTrace trace) {
    public static ClientOptions defaults() {
        return new ClientOptions(TransportOptions.defaults(), NegotiatePolicy.defaults(), false, Duration.ofSeconds(60),
                KeyLog.NONE, MessageTrace.NONE);
    }

    public ClientOptions withTransport(TransportOptions options) {
        return new ClientOptions(options, negotiation, encrypt, requestTimeout, keyLog, trace);
    }

    public ClientOptions withNegotiation(NegotiatePolicy policy) {
        return new ClientOptions(transport, policy, encrypt, requestTimeout, keyLog, trace);
    }

    /** Forces SMB encryption (and so, over QUIC, double encryption). */
    public ClientOptions withEncryption(boolean forced) {
        return new ClientOptions(transport, negotiation.withAcceptTransportSecurity(!forced && negotiation
                .acceptTransportSecurity()), forced, requestTimeout, keyLog, trace);
    }

    public ClientOptions withKeyLog(KeyLog log) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, log, trace);
    }

    public ClientOptions withTrace(MessageTrace newTrace) {
        return new ClientOptions(transport, negotiation, encrypt, requestTimeout, keyLog, newTrace);
    }
}
