package dev.smbq.transport.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.transport.PeerTrust;
import dev.smbq.smb2.transport.TlsIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {
    @Test
    void aSelfSignedCertificateNamesItsHostsAndIsForServerAuthentication() throws Exception {
        X509Certificate certificate = Certificates.selfSigned(List.of("files.example", "127.0.0.1", "::1"), true).leaf();
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(PeerTrust.names(certificate, "files.example")).isTrue();
        assertThat(PeerTrust.names(certificate, "FILES.example")).isTrue();
        assertThat(PeerTrust.names(certificate, "127.0.0.1")).isTrue();
        assertThat(PeerTrust.names(certificate, "::1")).isTrue();
        assertThat(PeerTrust.names(certificate, "other.example")).isFalse();
        assertThat(PeerTrust.names(certificate, "127.0.0.2")).isFalse();
        certificate.checkValidity();
    }

    @Test
    void theStateDirectoryKeepsOneIdentityAcrossRestarts(@TempDir Path state) throws Exception {
        TlsIdentity first = Certificates.selfSignedIn(state, List.of("localhost"));
        TlsIdentity again = Certificates.selfSignedIn(state, List.of("localhost"));
        assertThat(again.leaf()).isEqualTo(first.leaf());
        assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(Files.readString(state.resolve(Certificates.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(state.resolve(Certificates.KEY_FILE)))
                .containsExactlyInAnyOrderElementsOf(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void pemChainsAndKeysLoadAndTrustFilesReadEveryCertificate(@TempDir Path directory) throws Exception {
        TlsIdentity identity = Certificates.selfSigned(List.of("a.example"), true);
        TlsIdentity other = Certificates.selfSigned(List.of("b.example"), true);
        Path chain = Files.writeString(directory.resolve("chain.pem"), Certificates.toPem(identity.chain()));
        Path key = Files.writeString(directory.resolve("key.pem"), Certificates.toPem(identity.key()));
        TlsIdentity loaded = Certificates.load(chain, key);
        assertThat(loaded.chain()).isEqualTo(identity.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(identity.key().getEncoded());
        String trustFile = Certificates.toPem(identity.chain()) + Certificates.toPem(other.chain());
        assertThat(Certificates.readCertificates(trustFile)).containsExactly(identity.leaf(), other.leaf());
    }
}
