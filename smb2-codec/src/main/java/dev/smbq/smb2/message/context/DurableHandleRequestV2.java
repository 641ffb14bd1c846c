package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;
import java.util.UUID;

/**
 * [MS-SMB2] 2.2.13.2.11 SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2 ("DH2Q"); the 8 reserved bytes are written as 0.
 *
 * @param timeout    Timeout in milliseconds (0: server default)
 * @param flags      Flags: SMB2_DHANDLE_FLAG_PERSISTENT 0x2
 * @param createGuid CreateGuid
 */
public record DurableHandleRequestV2(int timeout, int flags, UUID createGuid) implements CreateContext {
    public DurableHandleRequestV2 {
        java.util.Objects.requireNonNull(createGuid, "createGuid");
    }

    @Override
    public Bytes name() {
        return CreateContextNames.DURABLE_HANDLE_REQUEST_V2;
    }
}
