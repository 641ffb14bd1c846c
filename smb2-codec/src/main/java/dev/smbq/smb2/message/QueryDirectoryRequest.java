package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/**
 * [MS-SMB2] 2.2.33 SMB2 QUERY_DIRECTORY Request.
 *
 * @param fileInformationClass FileInformationClass ([MS-FSCC] 2.4)
 * @param flags Flags: RESTART_SCANS 0x01, RETURN_SINGLE_ENTRY 0x02, INDEX_SPECIFIED 0x04, REOPEN 0x10
 * @param fileIndex FileIndex
 * @param fileId FileId of the directory
 * @param fileName the search pattern
 * @param outputBufferLength OutputBufferLength: the most the client accepts
 */
public record QueryDirectoryRequest(
        int fileInformationClass,
        int flags,
        long fileIndex,
        FileId fileId,
        String fileName,
        long outputBufferLength) implements Smb2Request {
    public static final int FLAG_RESTART_SCANS = 0x01;
    public static final int FLAG_RETURN_SINGLE_ENTRY = 0x02;
    public static final int FLAG_INDEX_SPECIFIED = 0x04;
    public static final int FLAG_REOPEN = 0x10;

    public QueryDirectoryRequest {
        java.util.Objects.requireNonNull(fileId, "fileId");
        java.util.Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public Command command() {
        return Command.QUERY_DIRECTORY;
    }
}
