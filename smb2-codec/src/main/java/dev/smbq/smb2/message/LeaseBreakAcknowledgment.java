package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.24.2 Lease Break Acknowledgment (client to server).
 *
 * @param flags Flags: reserved
 * @param leaseKey LeaseKey (16 bytes)
 * @param leaseState LeaseState
 * @param leaseDuration LeaseDuration: reserved
 */
public record LeaseBreakAcknowledgment(int flags, Bytes leaseKey, int leaseState, long leaseDuration) implements Smb2Request {
    public LeaseBreakAcknowledgment {
        java.util.Objects.requireNonNull(leaseKey, "leaseKey");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
