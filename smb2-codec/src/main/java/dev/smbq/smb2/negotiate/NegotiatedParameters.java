package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a NEGOTIATE exchange: the connection state of [MS-SMB2] 3.2.1.2 / 3.3.1.7 that later steps need.
 *
 * @param transport                the transport the connection runs on
 * @param dialect                  Connection.Dialect
 * @param clientGuid               Connection.ClientGuid
 * @param serverGuid               the server's ServerGuid
 * @param clientCapabilities       Connection.ClientCapabilities
 * @param serverCapabilities       Connection.ServerCapabilities (as sent in the response)
 * @param clientSecurityMode       the client's SecurityMode
 * @param serverSecurityMode       the server's SecurityMode
 * @param signingRequired          whether either side requires signing
 * @param cipher                   Connection.CipherId ({@link CipherId#NONE}: no SMB encryption possible)
 * @param signingAlgorithm         Connection.SigningAlgorithmId
 * @param compressionAlgorithms    Connection.CompressionIds (empty: no compression)
 * @param chainedCompression       Connection.SupportsChainedCompression
 * @param maxTransactSize          Connection.MaxTransactSize
 * @param maxReadSize              Connection.MaxReadSize
 * @param maxWriteSize             Connection.MaxWriteSize
 * @param acceptTransportSecurity  Connection.AcceptTransportSecurity: SMB encryption is skipped on this connection
 * @param preauthIntegrityHash     Connection.PreauthIntegrityHashValue after NEGOTIATE (3.1.1; empty otherwise)
 * @param clientDialects           Connection.ClientDialects: what the client offered (FSCTL_VALIDATE_NEGOTIATE_INFO
 *                                 compares it)
 */
public record NegotiatedParameters(
        TransportKind transport,
        Dialect dialect,
        UUID clientGuid,
        UUID serverGuid,
        int clientCapabilities,
        int serverCapabilities,
        int clientSecurityMode,
        int serverSecurityMode,
        boolean signingRequired,
        CipherId cipher,
        SigningAlgorithm signingAlgorithm,
        List<CompressionAlgorithm> compressionAlgorithms,
        boolean chainedCompression,
        long maxTransactSize,
        long maxReadSize,
        long maxWriteSize,
        boolean acceptTransportSecurity,
        Bytes preauthIntegrityHash,
        List<Dialect> clientDialects) {

    public NegotiatedParameters {
        compressionAlgorithms = List.copyOf(compressionAlgorithms);
        clientDialects = List.copyOf(clientDialects);
    }

    public boolean encryptionAvailable() {
        return !cipher.equals(CipherId.NONE);
    }
}
