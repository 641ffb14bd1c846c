package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.38 SMB2 QUERY_INFO Response.
 *
 * @param output the information, in the requested class
 */
public record QueryInfoResponse(Bytes output) implements Smb2Response {
    public QueryInfoResponse {
        java.util.Objects.requireNonNull(output, "output");
    }

    @Override
    public Command command() {
        return Command.QUERY_INFO;
    }
}
