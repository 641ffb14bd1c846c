package dev.smbq.transport.support;

import dev.smbq.smb2.transport.TlsIdentity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for QUIC: load a PEM chain and a PKCS#8 key, or generate a self-signed one (EC P-256, the names and
 * addresses served as subject alternative names, extended key usage serverAuth) and keep it in a state directory so
 * clients can pin it across restarts. BouncyCastle does the ASN.1 and the PEM.
 */
public final class Certificates {
    public static final String CERTIFICATE_FILE = "server-cert.pem";
    public static final String KEY_FILE = "server-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private Certificates() {
    }

    /** A self-signed identity naming {@code names} (host names and IP literals; the first becomes the CN). */
    public static TlsIdentity selfSigned(List<String> names, boolean serverAuth) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + names.get(0).replaceAll("[,=+<>#;\"\\\\]", "_"));
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            List<GeneralName> alternativeNames = new ArrayList<>();
            for (String name : names) {
                alternativeNames.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress,
                        InetAddress.getByName(name).getHostAddress()) : new GeneralName(GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternativeNames.toArray(new GeneralName[0])));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(serverAuth ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new TlsIdentity(List.of(certificate), pair.getPrivate());
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create a self-signed certificate", e);
        }
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    /**
     * The identity kept in {@code stateDirectory}, created there (self-signed for {@code names}) the first time. The
     * key file is readable by its owner only where the file system allows.
     */
    public static TlsIdentity selfSignedIn(Path stateDirectory, List<String> names) {
        Path certificate = stateDirectory.resolve(CERTIFICATE_FILE);
        Path key = stateDirectory.resolve(KEY_FILE);
        try {
            if (Files.exists(certificate) && Files.exists(key)) {
                return load(certificate, key);
            }
            Files.createDirectories(stateDirectory);
            TlsIdentity identity = selfSigned(names, true);
            Files.writeString(key, toPem(identity.key()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; nothing more to do
            }
            Files.writeString(certificate, toPem(identity.chain()), StandardCharsets.US_ASCII);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the certificate in " + stateDirectory, e);
        }
    }

    /** A PEM certificate chain (leaf first) and an unencrypted PKCS#8 ("BEGIN PRIVATE KEY") or EC/RSA key. */
    public static TlsIdentity load(Path chainFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = readCertificates(Files.readString(chainFile, StandardCharsets.US_ASCII));
        if (chain.isEmpty()) {
            throw new IOException(chainFile + " holds no certificate");
        }
        return new TlsIdentity(chain, readKey(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile));
    }

    /** Every certificate in a PEM text (a trust file). */
    public static List<X509Certificate> readCertificates(String pem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable certificate", e);
        }
        return certificates;
    }

    private static PrivateKey readKey(String pem, Path origin) throws IOException {
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            Object object;
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        }
        throw new IOException(origin + " holds no unencrypted private key");
    }

    public static String toPem(List<X509Certificate> chain) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The key as PKCS#8 PEM ("BEGIN PRIVATE KEY"), the form both QUIC stacks load. */
    public static String toPem(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
