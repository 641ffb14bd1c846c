package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.25.2 Lease Break Response.
 *
 * @param flags Flags: reserved
 * @param leaseKey LeaseKey (16 bytes)
 * @param leaseState LeaseState
 * @param leaseDuration LeaseDuration: reserved
 */
public record LeaseBreakResponse(int flags, Bytes leaseKey, int leaseState, long leaseDuration) implements Smb2Response {
    public LeaseBreakResponse {
        java.util.Objects.requireNonNull(leaseKey, "leaseKey");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
