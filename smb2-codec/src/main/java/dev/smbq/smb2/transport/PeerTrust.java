package dev.smbq.smb2.transport;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Turns a {@link TrustPolicy} into the JDK trust manager the TLS stacks call. For servers it checks the chain (PKIX
 * against the platform's trust store or the trust file, or the pinned leaf) and that the leaf names the host the
 * client dialled, through its subject alternative names (DNS names, with a leftmost wildcard, or IP addresses).
 */
public final class PeerTrust {
    private PeerTrust() {
    }

    /** A trust manager for {@code policy}; {@code expectedName} is the server name to check (client side). */
    public static PolicyTrustManager of(TrustPolicy policy, String expectedName) {
        return new PolicyTrustManager(policy, expectedName);
    }

    /** SHA-256 over the DER encoding: the fingerprint a pin names. */
    public static byte[] fingerprint(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }

    /** Whether {@code certificate} names {@code host} in its subject alternative names. */
    public static boolean names(X509Certificate certificate, String host) {
        try {
            var alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames == null) {
                return false;
            }
            boolean ipLiteral = isIpLiteral(host);
            for (List<?> entry : alternativeNames) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1));
                if (ipLiteral && type == 7 && sameAddress(value, host)) {
                    return true;
                }
                if (!ipLiteral && type == 2 && dnsMatches(value, host)) {
                    return true;
                }
            }
            return false;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // both are literals: no name lookup happens
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    /**
     * The trust manager of one policy. It remembers why it last refused a certificate, because some TLS stacks
     * report only that the handshake failed ({@link #explain}).
     */
    public static final class PolicyTrustManager extends X509ExtendedTrustManager {
        private final TrustPolicy policy;
        private final String expectedName;
        private final X509TrustManager pkix;
        private volatile CertificateException refusal;

        private PolicyTrustManager(TrustPolicy policy, String expectedName) {
            this.policy = policy;
            this.expectedName = expectedName;
            if (policy instanceof TrustPolicy.Anchors anchors) {
                this.pkix = pkix(store(anchors.anchors()));
            } else if (policy instanceof TrustPolicy.Platform) {
                this.pkix = PlatformPkix.TRUST_MANAGER;
            } else {
                this.pkix = null;
            }
        }

        private static KeyStore store(List<X509Certificate> anchors) {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < anchors.size(); i++) {
                    store.setCertificateEntry("anchor-" + i, anchors.get(i));
                }
                return store;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalArgumentException("cannot build a trust store from the trust file", e);
            }
        }

        /** The platform's PKIX trust manager, made once: making it reads the JDK's trust store from disk. */
        private static final class PlatformPkix {
            static final X509TrustManager TRUST_MANAGER = pkix(null);
        }

        /** The JDK's PKIX trust manager over {@code store}; null means the platform's default trust store. */
        private static X509TrustManager pkix(KeyStore store) {
            try {
                String algorithm = TrustManagerFactory.getDefaultAlgorithm();
                TrustManagerFactory factory = TrustManagerFactory.getInstance(algorithm);
                factory.init(store);
                return (X509TrustManager) factory.getTrustManagers()[0];
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's trust manager", e);
            }
        }

        private void checkChain(X509Certificate[] chain, String authType, boolean server) throws CertificateException {
            try {
                check(chain, authType, server);
            } catch (CertificateException e) {
                refusal = e;
                throw e;
            }
        }

        /** Why a handshake failed: this manager's refusal of the peer's certificate if any, else {@code failure}. */
        public Throwable explain(Throwable failure) {
            CertificateException refused = refusal;
            return refused != null ? refused : failure;
        }

        private void check(X509Certificate[] chain, String authType, boolean server) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
            if (policy instanceof TrustPolicy.Insecure) {
                return;
            }
            if (policy instanceof TrustPolicy.Pinned pinned) {
                if (!MessageDigest.isEqual(fingerprint(chain[0]), pinned.sha256().toByteArray())) {
                    throw new CertificateException("certificate does not match the pinned SHA-256 fingerprint");
                }
            } else {
                checkPath(chain, authType, server);
            }
            if (server && !expectedName.isEmpty() && !names(chain[0], expectedName)) {
                throw new CertificateException("certificate does not name '" + expectedName + "'");
            }
        }

        /** PKIX from the leaf to an anchor, with a message that says which anchors were tried. */
        private void checkPath(X509Certificate[] chain, String authType, boolean server) throws CertificateException {
            try {
                if (server) {
                    pkix.checkServerTrusted(chain, authType);
                } else {
                    pkix.checkClientTrusted(chain, authType);
                }
            } catch (CertificateException e) {
                String anchors = policy instanceof TrustPolicy.Platform ? "the platform's trust store"
                        : "the trust file";
                throw new CertificateException("certificate not trusted by " + anchors + " (" + e.getMessage() + ")",
                        e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkChain(chain, authType, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkChain(chain, authType, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkChain(chain, authType, true);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkChain(chain, authType, false);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkChain(chain, authType, false);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkChain(chain, authType, false);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix != null ? pkix.getAcceptedIssuers() : new X509Certificate[0];
        }
    }
}
