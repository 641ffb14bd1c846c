package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.14.2.12 SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2 ("DH2Q").
 *
 * @param timeout Timeout granted, in milliseconds
 * @param flags   Flags: SMB2_DHANDLE_FLAG_PERSISTENT 0x2
 */
public record DurableHandleResponseV2(int timeout, int flags) implements CreateContext {
    @Override
    public Bytes name() {
        return CreateContextNames.DURABLE_HANDLE_REQUEST_V2;
    }
}
