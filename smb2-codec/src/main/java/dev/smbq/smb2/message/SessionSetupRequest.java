package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.5 SMB2 SESSION_SETUP Request.
 *
 * @param flags Flags: SMB2_SESSION_FLAG_BINDING (0x01) for a channel bound to an existing session
 * @param securityMode SecurityMode: signing enabled/required
 * @param capabilities Capabilities: only SMB2_GLOBAL_CAP_DFS is defined
 * @param channel Channel: reserved, 0
 * @param previousSessionId PreviousSessionId: a session to reconnect and so to end
 * @param securityBuffer the GSS (SPNEGO) token
 */
public record SessionSetupRequest(
        int flags,
        int securityMode,
        int capabilities,
        int channel,
        long previousSessionId,
        Bytes securityBuffer) implements Smb2Request {
    public static final int FLAG_BINDING = 0x01;

    public SessionSetupRequest {
        java.util.Objects.requireNonNull(securityBuffer, "securityBuffer");
    }

    @Override
    public Command command() {
        return Command.SESSION_SETUP;
    }
}
