package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/** [MS-SMB2] 2.2.13.2.9 SMB2_CREATE_QUERY_ON_DISK_ID ("QFid" with no data). */
public record QueryOnDiskIdRequest() implements CreateContext {
    @Override
    public Bytes name() {
        return CreateContextNames.QUERY_ON_DISK_ID;
    }
}
