package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.13.2.5 SMB2_CREATE_QUERY_MAXIMAL_ACCESS_REQUEST ("MxAc").
 *
 * @param timestamp Timestamp (FILETIME), or 0 when the context carries no data
 */
public record MaximalAccessRequest(long timestamp) implements CreateContext {
    @Override
    public Bytes name() {
        return CreateContextNames.MAXIMAL_ACCESS;
    }
}
