package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.14.2.9 SMB2_CREATE_QUERY_ON_DISK_ID response ("QFid"); the 16 reserved bytes are written as 0.
 *
 * @param diskFileId DiskFileId
 * @param volumeId   VolumeId
 */
public record QueryOnDiskIdResponse(long diskFileId, long volumeId) implements CreateContext {
    @Override
    public Bytes name() {
        return CreateContextNames.QUERY_ON_DISK_ID;
    }
}
