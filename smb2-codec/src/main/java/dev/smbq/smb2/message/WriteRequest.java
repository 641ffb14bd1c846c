package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.21 SMB2 WRITE Request.
 *
 * @param offset Offset in the file
 * @param fileId FileId
 * @param channel Channel
 * @param remainingBytes RemainingBytes
 * @param flags Flags: WRITE_THROUGH 0x1, WRITE_UNBUFFERED 0x2
 * @param data the bytes to write
 * @param writeChannelInfo the RDMA channel information, empty otherwise
 */
public record WriteRequest(
        long offset,
        FileId fileId,
        int channel,
        long remainingBytes,
        int flags,
        Bytes data,
        Bytes writeChannelInfo) implements Smb2Request {
    public WriteRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(writeChannelInfo, "writeChannelInfo");
    }

    @Override
    public Command command() {
        return Command.WRITE;
    }
}
