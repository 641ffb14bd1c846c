package dev.smbq.smb2.spec;

/** An NTSTATUS value ([MS-ERREF] 2.3) as carried in the SMB2 header Status field; the ones this project uses are named. */
public record NtStatus(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final NtStatus SUCCESS = new NtStatus(NAMES.register(0x00000000, "STATUS_SUCCESS"));
    public static final NtStatus PENDING = new NtStatus(NAMES.register(0x00000103, "STATUS_PENDING"));
    public static final NtStatus NOTIFY_CLEANUP = new NtStatus(NAMES.register(0x0000010B, "STATUS_NOTIFY_CLEANUP"));
    public static final NtStatus NOTIFY_ENUM_DIR = new NtStatus(NAMES.register(0x0000010C, "STATUS_NOTIFY_ENUM_DIR"));
    public static final NtStatus BUFFER_OVERFLOW = new NtStatus(NAMES.register(0x80000005, "STATUS_BUFFER_OVERFLOW"));
    public static final NtStatus NO_MORE_FILES = new NtStatus(NAMES.register(0x80000006, "STATUS_NO_MORE_FILES"));
    public static final NtStatus STOPPED_ON_SYMLINK = new NtStatus(NAMES.register(0x8000002D, "STATUS_STOPPED_ON_SYMLINK"));
    public static final NtStatus NOT_IMPLEMENTED = new NtStatus(NAMES.register(0xC0000002, "STATUS_NOT_IMPLEMENTED"));
    public static final NtStatus INVALID_INFO_CLASS = new NtStatus(NAMES.register(0xC0000003, "STATUS_INVALID_INFO_CLASS"));
    public static final NtStatus INFO_LENGTH_MISMATCH = new NtStatus(NAMES.register(0xC0000004, "STATUS_INFO_LENGTH_MISMATCH"));
    public static final NtStatus INVALID_HANDLE = new NtStatus(NAMES.register(0xC0000008, "STATUS_INVALID_HANDLE"));
    public static final NtStatus INVALID_PARAMETER = new NtStatus(NAMES.register(0xC000000D, "STATUS_INVALID_PARAMETER"));
    public static final NtStatus NO_SUCH_FILE = new NtStatus(NAMES.register(0xC000000F, "STATUS_NO_SUCH_FILE"));
    public static final NtStatus INVALID_DEVICE_REQUEST = new NtStatus(NAMES.register(0xC0000010, "STATUS_INVALID_DEVICE_REQUEST"));
    public static final NtStatus END_OF_FILE = new NtStatus(NAMES.register(0xC0000011, "STATUS_END_OF_FILE"));
    public static final NtStatus MORE_PROCESSING_REQUIRED = new NtStatus(NAMES.register(0xC0000016, "STATUS_MORE_PROCESSING_REQUIRED"));
    public static final NtStatus ACCESS_DENIED = new NtStatus(NAMES.register(0xC0000022, "STATUS_ACCESS_DENIED"));
    public static final NtStatus BUFFER_TOO_SMALL = new NtStatus(NAMES.register(0xC0000023, "STATUS_BUFFER_TOO_SMALL"));
    public static final NtStatus OBJECT_NAME_INVALID = new NtStatus(NAMES.register(0xC0000033, "STATUS_OBJECT_NAME_INVALID"));
    public static final NtStatus OBJECT_NAME_NOT_FOUND = new NtStatus(NAMES.register(0xC0000034, "STATUS_OBJECT_NAME_NOT_FOUND"));
    public static final NtStatus OBJECT_NAME_COLLISION = new NtStatus(NAMES.register(0xC0000035, "STATUS_OBJECT_NAME_COLLISION"));
    public static final NtStatus OBJECT_PATH_INVALID = new NtStatus(NAMES.register(0xC0000039, "STATUS_OBJECT_PATH_INVALID"));
    public static final NtStatus OBJECT_PATH_NOT_FOUND = new NtStatus(NAMES.register(0xC000003A, "STATUS_OBJECT_PATH_NOT_FOUND"));
    public static final NtStatus OBJECT_PATH_SYNTAX_BAD = new NtStatus(NAMES.register(0xC000003B, "STATUS_OBJECT_PATH_SYNTAX_BAD"));
    public static final NtStatus BAD_IMPERSONATION_LEVEL = new NtStatus(NAMES.register(0xC00000A5, "STATUS_BAD_IMPERSONATION_LEVEL"));
    public static final NtStatus SHARING_VIOLATION = new NtStatus(NAMES.register(0xC0000043, "STATUS_SHARING_VIOLATION"));
    public static final NtStatus FILE_LOCK_CONFLICT = new NtStatus(NAMES.register(0xC0000054, "STATUS_FILE_LOCK_CONFLICT"));
    public static final NtStatus LOCK_NOT_GRANTED = new NtStatus(NAMES.register(0xC0000055, "STATUS_LOCK_NOT_GRANTED"));
    public static final NtStatus DELETE_PENDING = new NtStatus(NAMES.register(0xC0000056, "STATUS_DELETE_PENDING"));
    public static final NtStatus PRIVILEGE_NOT_HELD = new NtStatus(NAMES.register(0xC0000061, "STATUS_PRIVILEGE_NOT_HELD"));
    public static final NtStatus NO_SUCH_USER = new NtStatus(NAMES.register(0xC0000064, "STATUS_NO_SUCH_USER"));
    public static final NtStatus WRONG_PASSWORD = new NtStatus(NAMES.register(0xC000006A, "STATUS_WRONG_PASSWORD"));
    public static final NtStatus LOGON_FAILURE = new NtStatus(NAMES.register(0xC000006D, "STATUS_LOGON_FAILURE"));
    public static final NtStatus ACCOUNT_RESTRICTION = new NtStatus(NAMES.register(0xC000006E, "STATUS_ACCOUNT_RESTRICTION"));
    public static final NtStatus ACCOUNT_DISABLED = new NtStatus(NAMES.register(0xC0000072, "STATUS_ACCOUNT_DISABLED"));
    public static final NtStatus RANGE_NOT_LOCKED = new NtStatus(NAMES.register(0xC000007E, "STATUS_RANGE_NOT_LOCKED"));
    public static final NtStatus DISK_FULL = new NtStatus(NAMES.register(0xC000007F, "STATUS_DISK_FULL"));
    public static final NtStatus INSUFFICIENT_RESOURCES = new NtStatus(NAMES.register(0xC000009A, "STATUS_INSUFFICIENT_RESOURCES"));
    public static final NtStatus FILE_IS_A_DIRECTORY = new NtStatus(NAMES.register(0xC00000BA, "STATUS_FILE_IS_A_DIRECTORY"));
    public static final NtStatus NOT_SUPPORTED = new NtStatus(NAMES.register(0xC00000BB, "STATUS_NOT_SUPPORTED"));
    public static final NtStatus INVALID_NETWORK_RESPONSE = new NtStatus(NAMES.register(0xC00000C3, "STATUS_INVALID_NETWORK_RESPONSE"));
    public static final NtStatus NETWORK_NAME_DELETED = new NtStatus(NAMES.register(0xC00000C9, "STATUS_NETWORK_NAME_DELETED"));
    public static final NtStatus BAD_NETWORK_NAME = new NtStatus(NAMES.register(0xC00000CC, "STATUS_BAD_NETWORK_NAME"));
    public static final NtStatus REQUEST_NOT_ACCEPTED = new NtStatus(NAMES.register(0xC00000D0, "STATUS_REQUEST_NOT_ACCEPTED"));
    public static final NtStatus DIRECTORY_NOT_EMPTY = new NtStatus(NAMES.register(0xC0000101, "STATUS_DIRECTORY_NOT_EMPTY"));
    public static final NtStatus NOT_A_DIRECTORY = new NtStatus(NAMES.register(0xC0000103, "STATUS_NOT_A_DIRECTORY"));
    public static final NtStatus CANCELLED = new NtStatus(NAMES.register(0xC0000120, "STATUS_CANCELLED"));
    public static final NtStatus FILE_CLOSED = new NtStatus(NAMES.register(0xC0000128, "STATUS_FILE_CLOSED"));
    public static final NtStatus INVALID_LOCK_RANGE = new NtStatus(NAMES.register(0xC00001A1, "STATUS_INVALID_LOCK_RANGE"));
    public static final NtStatus USER_SESSION_DELETED = new NtStatus(NAMES.register(0xC0000203, "STATUS_USER_SESSION_DELETED"));
    public static final NtStatus NOT_FOUND = new NtStatus(NAMES.register(0xC0000225, "STATUS_NOT_FOUND"));
    public static final NtStatus NETWORK_SESSION_EXPIRED = new NtStatus(NAMES.register(0xC000035C, "STATUS_NETWORK_SESSION_EXPIRED"));
    public static final NtStatus SMB_BAD_CLUSTER_DIALECT = new NtStatus(NAMES.register(0xC05D0001, "STATUS_SMB_BAD_CLUSTER_DIALECT"));
    public static final NtStatus SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP = new NtStatus(NAMES.register(0xC05D0000, "STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP"));

    public NtStatus {
    }

    /** Severity "error" (the top two bits set): the request failed. Warnings such as BUFFER_OVERFLOW are not errors. */
    public boolean isError() {
        return (code >>> 30) == 3;
    }

    public static CodeNames names() {
        return NAMES;
    }

    @Override
    public CodeNames codeNames() {
        return NAMES;
    }

    @Override
    public int hexDigits() {
        return 8;
    }

    @Override
    public String toString() {
        return describe();
    }
}
