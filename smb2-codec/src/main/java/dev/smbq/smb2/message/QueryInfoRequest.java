package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.37 SMB2 QUERY_INFO Request.
 *
 * @param infoType InfoType: FILE 0x01, FILESYSTEM 0x02, SECURITY 0x03, QUOTA 0x04
 * @param fileInfoClass FileInfoClass
 * @param outputBufferLength OutputBufferLength
 * @param additionalInformation AdditionalInformation
 * @param flags Flags (EA and quota restart flags)
 * @param fileId FileId
 * @param input the input buffer (quota and EA queries)
 */
public record QueryInfoRequest(
        int infoType,
        int fileInfoClass,
        long outputBufferLength,
        int additionalInformation,
        int flags,
        FileId fileId,
        Bytes input) implements Smb2Request {
    public static final int INFO_FILE = 0x01;
    public static final int INFO_FILESYSTEM = 0x02;
    public static final int INFO_SECURITY = 0x03;
    public static final int INFO_QUOTA = 0x04;

    public QueryInfoRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(input, "input");
    }

    @Override
    public Command command() {
        return Command.QUERY_INFO;
    }
}
