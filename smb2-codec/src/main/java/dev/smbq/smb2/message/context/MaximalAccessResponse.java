package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.14.2.5 SMB2_CREATE_QUERY_MAXIMAL_ACCESS_RESPONSE ("MxAc").
 *
 * @param queryStatus   QueryStatus
 * @param maximalAccess MaximalAccess: the access mask the user could be granted
 */
public record MaximalAccessResponse(NtStatus queryStatus, int maximalAccess) implements CreateContext {
    public MaximalAccessResponse {
        java.util.Objects.requireNonNull(queryStatus, "queryStatus");
    }

    @Override
    public Bytes name() {
        return CreateContextNames.MAXIMAL_ACCESS;
    }
}
