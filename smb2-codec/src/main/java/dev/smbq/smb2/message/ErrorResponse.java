package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;

/**
 * [MS-SMB2] 2.2.2 SMB2 ERROR Response, for any command whose request failed (and for STATUS_PENDING interim
 * responses). ErrorContextCount and ByteCount are derived by the codec.
 *
 * <p>In 3.1.1 the error data may be a list of error contexts (2.2.2.1); otherwise it is one command-specific blob
 * (e.g. a symbolic link error, 2.2.2.2.1). Exactly one of the two is non-empty.
 *
 * @param command       the command this error answers (from the header)
 * @param errorContexts ErrorData as SMB2 ERROR Context entries (3.1.1)
 * @param errorData     ErrorData as a single blob when there are no error contexts
 */
public record ErrorResponse(Command command, List<ErrorContext> errorContexts, Bytes errorData)
        implements Smb2Response {

    public ErrorResponse {
        java.util.Objects.requireNonNull(command, "command");
        java.util.Objects.requireNonNull(errorData, "errorData");
        errorContexts = List.copyOf(errorContexts);
        if (!errorContexts.isEmpty() && !errorData.isEmpty()) {
            throw new IllegalArgumentException("error data is either a list of contexts or one blob");
        }
    }

    /** An error response with no error data, the common case. */
    public static ErrorResponse of(Command command) {
        return new ErrorResponse(command, List.of(), Bytes.EMPTY);
    }

    /**
     * [MS-SMB2] 2.2.2.1 SMB2 ERROR Context Response.
     *
     * @param errorId ErrorId: SMB2_ERROR_ID_DEFAULT 0, SMB2_ERROR_ID_SHARE_REDIRECT 0x72645253
     * @param data    ErrorContextData
     */
    public record ErrorContext(int errorId, Bytes data) {
        public ErrorContext {
            java.util.Objects.requireNonNull(data, "data");
        }
    }
}
