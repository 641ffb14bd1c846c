package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.13.2.8 SMB2_CREATE_REQUEST_LEASE and 2.2.13.2.10 SMB2_CREATE_REQUEST_LEASE_V2 ("RqLs"), whose
 * layouts the responses (2.2.14.2.10, 2.2.14.2.11) share. Version 1 is 32 bytes, version 2 is 52.
 *
 * @param version        1 or 2 (derived from DataLength on decode)
 * @param leaseKey       LeaseKey (16 bytes)
 * @param leaseState     LeaseState: READ_CACHING 0x1, HANDLE_CACHING 0x2, WRITE_CACHING 0x4
 * @param leaseFlags     LeaseFlags
 * @param leaseDuration  LeaseDuration: reserved, 0
 * @param parentLeaseKey ParentLeaseKey (version 2, 16 bytes; empty for version 1)
 * @param epoch          Epoch (version 2)
 */
public record LeaseContext(int version, Bytes leaseKey, int leaseState, int leaseFlags, long leaseDuration,
                           Bytes parentLeaseKey, int epoch) implements CreateContext {
    public static final int V1_SIZE = 32;
    public static final int V2_SIZE = 52;

    public LeaseContext {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("lease version must be 1 or 2");
        }
        if (leaseKey.length() != 16 || parentLeaseKey.length() != (version == 2 ? 16 : 0)) {
            throw new IllegalArgumentException("lease keys are 16 bytes (parent key only in version 2)");
        }
    }

    @Override
    public Bytes name() {
        return CreateContextNames.REQUEST_LEASE;
    }
}
