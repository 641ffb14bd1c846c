package dev.smbq.smb2.spec;

/** The Flags field of the SMB2 packet header ([MS-SMB2] 2.2.1.2). */
public final class HeaderFlags {
    public static final FlagNames NAMES = new FlagNames();

    public static final int SERVER_TO_REDIR = NAMES.register(0x00000001, "SMB2_FLAGS_SERVER_TO_REDIR");
    public static final int ASYNC_COMMAND = NAMES.register(0x00000002, "SMB2_FLAGS_ASYNC_COMMAND");
    public static final int RELATED_OPERATIONS = NAMES.register(0x00000004, "SMB2_FLAGS_RELATED_OPERATIONS");
    public static final int SIGNED = NAMES.register(0x00000008, "SMB2_FLAGS_SIGNED");
    /** Three bits of priority (3.1.1 with SMB2_GLOBAL_CAP_... priority support); kept as a number. */
    public static final int PRIORITY_MASK = 0x00000070;
    public static final int DFS_OPERATIONS = NAMES.register(0x10000000, "SMB2_FLAGS_DFS_OPERATIONS");
    public static final int REPLAY_OPERATION = NAMES.register(0x20000000, "SMB2_FLAGS_REPLAY_OPERATION");

    private HeaderFlags() {
    }
}
