package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.GlobalCapabilities;
import dev.smbq.smb2.spec.SigningAlgorithm;
import java.util.List;

/**
 * What one side of a connection is willing to negotiate. Lists are in preference order: a client offers them in
 * that order, a server picks the first of its own entries that the client offered.
 *
 * @param dialects                 dialects offered (client) or supported (server; the highest common one wins)
 * @param ciphers                  SMB 3.x ciphers; empty = no SMB encryption
 * @param signingAlgorithms        signing algorithms for SMB2_SIGNING_CAPABILITIES (3.1.1)
 * @param compressionAlgorithms    compression algorithms; empty = no compression context
 * @param chainedCompression       whether chained compression is supported
 * @param signingRequired          SecurityMode SIGNING_REQUIRED
 * @param acceptTransportSecurity  client: offer SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY over QUIC; server: accept it
 *                                 over QUIC ([MS-SMB2] DisableEncryptionOverSecureTransport)
 * @param capabilities             global capabilities this side supports ({@link GlobalCapabilities})
 * @param maxTransactSize          MaxTransactSize (server)
 * @param maxReadSize              MaxReadSize (server)
 * @param maxWriteSize             MaxWriteSize (server)
 * @param serverName               the server name a client sends in SMB2_NETNAME_NEGOTIATE_CONTEXT_ID; empty = none
 */
public record NegotiatePolicy(
        List<Dialect> dialects,
        List<CipherId> ciphers,
        List<SigningAlgorithm> signingAlgorithms,
        List<CompressionAlgorithm> compressionAlgorithms,
        boolean chainedCompression,
        boolean signingRequired,
        boolean acceptTransportSecurity,
        int capabilities,
        long maxTransactSize,
        long maxReadSize,
        long maxWriteSize,
        String serverName) {

    /** 8 MiB: the largest READ/WRITE this project negotiates, as Windows does. */
    public static final long DEFAULT_MAX_IO_SIZE = 8L * 1024 * 1024;

    public NegotiatePolicy {
        dialects = List.copyOf(dialects);
        ciphers = List.copyOf(ciphers);
        signingAlgorithms = List.copyOf(signingAlgorithms);
        compressionAlgorithms = List.copyOf(compressionAlgorithms);
        java.util.Objects.requireNonNull(serverName, "serverName");
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one dialect");
        }
    }

    /**
     * All five dialects, AES-128-GCM first among the ciphers, AES-GMAC before AES-CMAC, signing enabled but not
     * required, transport-level security accepted over QUIC (the Windows default), 8 MiB I/O.
     */
    public static NegotiatePolicy defaults() {
        return new NegotiatePolicy(
                List.of(Dialect.SMB_2_0_2, Dialect.SMB_2_1, Dialect.SMB_3_0, Dialect.SMB_3_0_2, Dialect.SMB_3_1_1),
                List.of(CipherId.AES_128_GCM, CipherId.AES_128_CCM, CipherId.AES_256_GCM, CipherId.AES_256_CCM),
                List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC),
                List.of(), false, false, true,
                GlobalCapabilities.LARGE_MTU | GlobalCapabilities.ENCRYPTION,
                DEFAULT_MAX_IO_SIZE, DEFAULT_MAX_IO_SIZE, DEFAULT_MAX_IO_SIZE, "");
    }

    public NegotiatePolicy withDialects(List<Dialect> newDialects) {
        return new NegotiatePolicy(newDialects, ciphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize,
                serverName);
    }

    public NegotiatePolicy withCiphers(List<CipherId> newCiphers) {
        return new NegotiatePolicy(dialects, newCiphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize,
                serverName);
    }

    public NegotiatePolicy withSigningAlgorithms(List<SigningAlgorithm> newAlgorithms) {
        return new NegotiatePolicy(dialects, ciphers, newAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize,
                serverName);
    }

    public NegotiatePolicy withCompression(List<CompressionAlgorithm> newAlgorithms, boolean chained) {
        return new NegotiatePolicy(dialects, ciphers, signingAlgorithms, newAlgorithms, chained, signingRequired,
                acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize, serverName);
    }

    public NegotiatePolicy withSigningRequired(boolean required) {
        return new NegotiatePolicy(dialects, ciphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                required, acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize,
                serverName);
    }

    public NegotiatePolicy withAcceptTransportSecurity(boolean accept) {
        return new NegotiatePolicy(dialects, ciphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, accept, capabilities, maxTransactSize, maxReadSize, maxWriteSize, serverName);
    }

    public NegotiatePolicy withCapabilities(int newCapabilities) {
        return new NegotiatePolicy(dialects, ciphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, acceptTransportSecurity, newCapabilities, maxTransactSize, maxReadSize, maxWriteSize,
                serverName);
    }

    public NegotiatePolicy withServerName(String newServerName) {
        return new NegotiatePolicy(dialects, ciphers, signingAlgorithms, compressionAlgorithms, chainedCompression,
                signingRequired, acceptTransportSecurity, capabilities, maxTransactSize, maxReadSize, maxWriteSize,
                newServerName);
    }
}
