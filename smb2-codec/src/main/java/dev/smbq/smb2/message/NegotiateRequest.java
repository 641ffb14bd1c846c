package dev.smbq.smb2.message;

import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import java.util.List;
import java.util.UUID;

/**
 * [MS-SMB2] 2.2.3 SMB2 NEGOTIATE Request.
 *
 * <p>DialectCount, NegotiateContextOffset and NegotiateContextCount are derived by the codec. The 8 bytes after
 * ClientGuid are NegotiateContextOffset/Count when the dialects include 3.1.1, otherwise ClientStartTime, which the
 * spec reserves (written as zero, ignored).
 *
 * @param securityMode      SecurityMode ({@link dev.smbq.smb2.spec.SecurityMode})
 * @param capabilities      Capabilities ({@link dev.smbq.smb2.spec.GlobalCapabilities})
 * @param clientGuid        ClientGuid
 * @param dialects          Dialects, in the client's order
 * @param negotiateContexts NegotiateContextList (only with 3.1.1 among the dialects)
 */
public record NegotiateRequest(
        int securityMode,
        int capabilities,
        UUID clientGuid,
        List<Dialect> dialects,
        List<NegotiateContext> negotiateContexts) implements Smb2Request {

    public NegotiateRequest {
        java.util.Objects.requireNonNull(clientGuid, "clientGuid");
        dialects = List.copyOf(dialects);
        negotiateContexts = List.copyOf(negotiateContexts);
    }

    public boolean offers(Dialect dialect) {
        return dialects.contains(dialect);
    }

    @Override
    public Command command() {
        return Command.NEGOTIATE;
    }
}
