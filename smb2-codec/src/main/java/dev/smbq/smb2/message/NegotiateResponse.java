package dev.smbq.smb2.message;

import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import java.util.UUID;

/**
 * [MS-SMB2] 2.2.4 SMB2 NEGOTIATE Response.
 *
 * <p>SecurityBufferOffset/Length, NegotiateContextOffset and NegotiateContextCount are derived by the codec; the
 * contexts are present only when DialectRevision is 3.1.1.
 *
 * @param securityMode      SecurityMode
 * @param dialectRevision   DialectRevision: the chosen dialect, or 0x02FF after an SMB1 multi-protocol negotiate
 * @param serverGuid        ServerGuid
 * @param capabilities      Capabilities
 * @param maxTransactSize   MaxTransactSize
 * @param maxReadSize       MaxReadSize
 * @param maxWriteSize      MaxWriteSize
 * @param systemTime        SystemTime (FILETIME)
 * @param serverStartTime   ServerStartTime (FILETIME; 0 from servers that do not track it)
 * @param securityBuffer    the GSS token (SPNEGO negTokenInit hint), may be empty
 * @param negotiateContexts NegotiateContextList
 */
public record NegotiateResponse(
        int securityMode,
        Dialect dialectRevision,
        UUID serverGuid,
        int capabilities,
        long maxTransactSize,
        long maxReadSize,
        long maxWriteSize,
        long systemTime,
        long serverStartTime,
        Bytes securityBuffer,
        List<NegotiateContext> negotiateContexts) implements Smb2Response {

    public NegotiateResponse {
        java.util.Objects.requireNonNull(dialectRevision, "dialectRevision");
        java.util.Objects.requireNonNull(serverGuid, "serverGuid");
        java.util.Objects.requireNonNull(securityBuffer, "securityBuffer");
        negotiateContexts = List.copyOf(negotiateContexts);
    }

    @Override
    public Command command() {
        return Command.NEGOTIATE;
    }
}
