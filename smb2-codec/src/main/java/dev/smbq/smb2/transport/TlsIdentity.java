package dev.smbq.smb2.transport;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate chain (leaf first) and its private key: a QUIC server's identity, or a client's for mutual TLS.
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey key) {
    public TlsIdentity {
        chain = List.copyOf(chain);
        java.util.Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least its own certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + leaf().getSubjectX500Principal() + "]";
    }
}
