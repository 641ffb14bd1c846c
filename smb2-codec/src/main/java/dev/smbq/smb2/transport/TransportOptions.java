package dev.smbq.smb2.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings shared by every transport, plus named backend settings ({@link #backendOptions}) that a provider
 * documents and others ignore.
 *
 * @param maxMessageSize     the largest message accepted on a channel (checked from the framing header before any
 *                           buffering)
 * @param idleTimeout        a connection with no traffic for this long is closed
 * @param identity           server: its certificate (QUIC); client: its certificate for mutual TLS, if any
 * @param trust              client: how to trust the server (by default, the platform's trust store); server: which
 *                           client certificates to trust (mutual TLS: a trust file or a pin asks clients for one)
 * @param requireClientCertificate server: refuse clients without a certificate the trust policy accepts
 * @param keyLog             where to append TLS secrets in SSLKEYLOGFILE format, if anywhere (explicit opt-in)
 * @param backendOptions     backend-specific settings, e.g. {@code datagram-size}, {@code congestion-control},
 *                           {@code epoll}, {@code retry}
 */
public record TransportOptions(int maxMessageSize, Duration idleTimeout, Optional<TlsIdentity> identity,
                               TrustPolicy trust, boolean requireClientCertificate, Optional<Path> keyLog,
                               Map<String, String> backendOptions) {
    /** 8 MiB of READ or WRITE data plus room for headers, transforms and compounding. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 8 * 1024 * 1024 + 64 * 1024;

    public TransportOptions {
        java.util.Objects.requireNonNull(identity, "identity");
        java.util.Objects.requireNonNull(trust, "trust");
        java.util.Objects.requireNonNull(keyLog, "keyLog");
        backendOptions = Map.copyOf(backendOptions);
        if (maxMessageSize <= 0 || maxMessageSize > 0xFFFFFF) {
            throw new IllegalArgumentException("maximum message size must fit the 24-bit framing length");
        }
    }

    /**
     * No TLS identity; a QUIC client trusts what the platform's trust store trusts, for the name it dials; defaults
     * elsewhere. To reach a server with a self-made certificate, a client names it through {@link #withTrust} (the
     * certificate, or its fingerprint).
     */
    public static TransportOptions defaults() {
        return new TransportOptions(DEFAULT_MAX_MESSAGE_SIZE, Duration.ofSeconds(120), Optional.empty(),
                new TrustPolicy.Platform(), false, Optional.empty(), Map.of());
    }

    public TransportOptions withIdentity(TlsIdentity newIdentity) {
        return new TransportOptions(maxMessageSize, idleTimeout, Optional.of(newIdentity), trust,
                requireClientCertificate, keyLog, backendOptions);
    }

    public TransportOptions withTrust(TrustPolicy newTrust) {
        return new TransportOptions(maxMessageSize, idleTimeout, identity, newTrust, requireClientCertificate, keyLog,
                backendOptions);
    }

    public TransportOptions withRequireClientCertificate(boolean require) {
        return new TransportOptions(maxMessageSize, idleTimeout, identity, trust, require, keyLog, backendOptions);
    }

    public TransportOptions withKeyLog(Path file) {
        return new TransportOptions(maxMessageSize, idleTimeout, identity, trust, requireClientCertificate,
                Optional.of(file), backendOptions);
    }

    public TransportOptions withIdleTimeout(Duration timeout) {
        return new TransportOptions(maxMessageSize, timeout, identity, trust, requireClientCertificate, keyLog,
                backendOptions);
    }

    public TransportOptions withMaxMessageSize(int size) {
        return new TransportOptions(size, idleTimeout, identity, trust, requireClientCertificate, keyLog,
                backendOptions);
    }

    public TransportOptions withBackendOption(String name, String value) {
        Map<String, String> options = new java.util.HashMap<>(backendOptions);
        options.put(name, value);
        return new TransportOptions(maxMessageSize, idleTimeout, identity, trust, requireClientCertificate, keyLog,
                options);
    }

    /** A backend setting, or {@code fallback}. */
    public String backendOption(String name, String fallback) {
        return backendOptions.getOrDefault(name, fallback);
    }
}
