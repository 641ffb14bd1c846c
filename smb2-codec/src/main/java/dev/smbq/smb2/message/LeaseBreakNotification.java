package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.23.2 Lease Break Notification (server to client).
 *
 * @param newEpoch NewEpoch (lease v2)
 * @param flags Flags: SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED 0x01
 * @param leaseKey LeaseKey (16 bytes)
 * @param currentLeaseState CurrentLeaseState
 * @param newLeaseState NewLeaseState
 * @param breakReason BreakReason: reserved
 * @param accessMaskHint AccessMaskHint: reserved
 * @param shareMaskHint ShareMaskHint: reserved
 */
public record LeaseBreakNotification(
        int newEpoch,
        int flags,
        Bytes leaseKey,
        int currentLeaseState,
        int newLeaseState,
        int breakReason,
        int accessMaskHint,
        int shareMaskHint) implements Smb2Response {
    public LeaseBreakNotification {
        java.util.Objects.requireNonNull(leaseKey, "leaseKey");
    }

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }
}
