package dev.smbq.smb2.spec;

/** The Capabilities field of NEGOTIATE requests and responses ([MS-SMB2] 2.2.3, 2.2.4). */
public final class GlobalCapabilities {
    public static final FlagNames NAMES = new FlagNames();

    public static final int DFS = NAMES.register(0x00000001, "SMB2_GLOBAL_CAP_DFS");
    public static final int LEASING = NAMES.register(0x00000002, "SMB2_GLOBAL_CAP_LEASING");
    public static final int LARGE_MTU = NAMES.register(0x00000004, "SMB2_GLOBAL_CAP_LARGE_MTU");
    public static final int MULTI_CHANNEL = NAMES.register(0x00000008, "SMB2_GLOBAL_CAP_MULTI_CHANNEL");
    public static final int PERSISTENT_HANDLES = NAMES.register(0x00000010, "SMB2_GLOBAL_CAP_PERSISTENT_HANDLES");
    public static final int DIRECTORY_LEASING = NAMES.register(0x00000020, "SMB2_GLOBAL_CAP_DIRECTORY_LEASING");
    public static final int ENCRYPTION = NAMES.register(0x00000040, "SMB2_GLOBAL_CAP_ENCRYPTION");
    public static final int NOTIFICATIONS = NAMES.register(0x00000080, "SMB2_GLOBAL_CAP_NOTIFICATIONS");

    private GlobalCapabilities() {
    }
}
