package dev.smbq.smb2.transport;

import dev.smbq.smb2.wire.Bytes;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How a QUIC client decides to trust a server's certificate (and a server a client's, where it asks for one). A
 * client checks the platform's trust store unless told otherwise ({@link Platform}, the default).
 */
public sealed interface TrustPolicy {
    /** Trust chains that lead to the platform's trust store (the JDK's default anchors), and check the server name. */
    record Platform() implements TrustPolicy {
    }

    /** Trust chains that lead to one of these certificates (a trust file), and check the server name. */
    record Anchors(List<X509Certificate> anchors) implements TrustPolicy {
        public Anchors {
            anchors = List.copyOf(anchors);
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("a trust file needs at least one certificate");
            }
        }
    }

    /** Trust exactly the leaf certificate whose SHA-256 fingerprint this is, and check the server name. */
    record Pinned(Bytes sha256) implements TrustPolicy {
        public Pinned {
            if (sha256.length() != 32) {
                throw new IllegalArgumentException("a SHA-256 fingerprint is 32 bytes");
            }
        }
    }

    /** Trust any certificate: for demos on loopback only. The channel then reports its peer as not verified. */
    record Insecure() implements TrustPolicy {
    }
}
