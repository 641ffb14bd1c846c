package dev.smbq.smb2.message;

/**
 * [MS-SMB2] 2.2.26.1 SMB2_LOCK_ELEMENT.
 *
 * @param offset Offset of the range
 * @param length Length of the range
 * @param flags  Flags: SHARED_LOCK 0x1, EXCLUSIVE_LOCK 0x2, UNLOCK 0x4, FAIL_IMMEDIATELY 0x10
 */
public record LockElement(long offset, long length, int flags) {
    public static final int SIZE = 24;
    public static final int SHARED_LOCK = 0x00000001;
    public static final int EXCLUSIVE_LOCK = 0x00000002;
    public static final int UNLOCK = 0x00000004;
    public static final int FAIL_IMMEDIATELY = 0x00000010;
}
