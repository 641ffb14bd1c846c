package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.34 SMB2 QUERY_DIRECTORY Response.
 *
 * @param output the directory entries in the requested information class
 */
public record QueryDirectoryResponse(Bytes output) implements Smb2Response {
    public QueryDirectoryResponse {
        java.util.Objects.requireNonNull(output, "output");
    }

    @Override
    public Command command() {
        return Command.QUERY_DIRECTORY;
    }
}
