package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.39 SMB2 SET_INFO Request.
 *
 * @param infoType InfoType
 * @param fileInfoClass FileInfoClass
 * @param additionalInformation AdditionalInformation
 * @param fileId FileId
 * @param buffer the information to set
 */
public record SetInfoRequest(
        int infoType,
        int fileInfoClass,
        int additionalInformation,
        FileId fileId,
        Bytes buffer) implements Smb2Request {
    public SetInfoRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(buffer, "buffer");
    }

    @Override
    public Command command() {
        return Command.SET_INFO;
    }
}
