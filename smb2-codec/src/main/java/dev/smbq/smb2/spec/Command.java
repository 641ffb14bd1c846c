package dev.smbq.smb2.spec;

/** An SMB2 command code ([MS-SMB2] 2.2.1 Command). */
public record Command(int code) implements SpecCode {
    private static final CodeNames NAMES = new CodeNames();

    public static final Command NEGOTIATE = new Command(NAMES.register(0x0000, "SMB2_NEGOTIATE"));
    public static final Command SESSION_SETUP = new Command(NAMES.register(0x0001, "SMB2_SESSION_SETUP"));
    public static final Command LOGOFF = new Command(NAMES.register(0x0002, "SMB2_LOGOFF"));
    public static final Command TREE_CONNECT = new Command(NAMES.register(0x0003, "SMB2_TREE_CONNECT"));
    public static final Command TREE_DISCONNECT = new Command(NAMES.register(0x0004, "SMB2_TREE_DISCONNECT"));
    public static final Command CREATE = new Command(NAMES.register(0x0005, "SMB2_CREATE"));
    public static final Command CLOSE = new Command(NAMES.register(0x0006, "SMB2_CLOSE"));
    public static final Command FLUSH = new Command(NAMES.register(0x0007, "SMB2_FLUSH"));
    public static final Command READ = new Command(NAMES.register(0x0008, "SMB2_READ"));
    public static final Command WRITE = new Command(NAMES.register(0x0009, "SMB2_WRITE"));
    public static final Command LOCK = new Command(NAMES.register(0x000A, "SMB2_LOCK"));
    public static final Command IOCTL = new Command(NAMES.register(0x000B, "SMB2_IOCTL"));
    public static final Command CANCEL = new Command(NAMES.register(0x000C, "SMB2_CANCEL"));
    public static final Command ECHO = new Command(NAMES.register(0x000D, "SMB2_ECHO"));
    public static final Command QUERY_DIRECTORY = new Command(NAMES.register(0x000E, "SMB2_QUERY_DIRECTORY"));
    public static final Command CHANGE_NOTIFY = new Command(NAMES.register(0x000F, "SMB2_CHANGE_NOTIFY"));
    public static final Command QUERY_INFO = new Command(NAMES.register(0x0010, "SMB2_QUERY_INFO"));
    public static final Command SET_INFO = new Command(NAMES.register(0x0011, "SMB2_SET_INFO"));
    public static final Command OPLOCK_BREAK = new Command(NAMES.register(0x0012, "SMB2_OPLOCK_BREAK"));
    public static final Command SERVER_TO_CLIENT_NOTIFICATION = new Command(NAMES.register(0x0013, "SMB2_SERVER_TO_CLIENT_NOTIFICATION"));

    public Command {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("not a USHORT: " + code);
        }
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
        return 4;
    }

    @Override
    public String toString() {
        return describe();
    }
}
