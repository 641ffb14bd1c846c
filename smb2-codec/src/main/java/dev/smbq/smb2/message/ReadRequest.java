package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.19 SMB2 READ Request.
 *
 * @param padding Padding: the DataOffset the client would like in the response (0x50 usually)
 * @param flags Flags: READ_UNBUFFERED 0x01, REQUEST_COMPRESSED 0x02 (3.1.1)
 * @param length Length: bytes to read
 * @param offset Offset in the file
 * @param fileId FileId
 * @param minimumCount MinimumCount
 * @param channel Channel: SMB2_CHANNEL_NONE 0 except over RDMA
 * @param remainingBytes RemainingBytes
 * @param readChannelInfo the RDMA channel information, empty otherwise
 */
public record ReadRequest(
        int padding,
        int flags,
        long length,
        long offset,
        FileId fileId,
        long minimumCount,
        int channel,
        long remainingBytes,
        Bytes readChannelInfo) implements Smb2Request {
    public ReadRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(readChannelInfo, "readChannelInfo");
    }

    @Override
    public Command command() {
        return Command.READ;
    }
}
