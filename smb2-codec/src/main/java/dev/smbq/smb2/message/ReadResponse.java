package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.20 SMB2 READ Response.
 *
 * @param dataRemaining DataRemaining
 * @param flags Flags (3.1.1: SMB2_READFLAG_RESPONSE_RDMA_TRANSFORM 0x1), otherwise Reserved2
 * @param data the bytes read
 */
public record ReadResponse(long dataRemaining, int flags, Bytes data) implements Smb2Response {
    /** Where the data starts in an encoded READ response: after the header and the 16-byte fixed part. */
    public static final int DATA_OFFSET = 0x50;

    public ReadResponse {
        java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public Command command() {
        return Command.READ;
    }
}
