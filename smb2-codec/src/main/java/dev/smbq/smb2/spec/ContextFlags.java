package dev.smbq.smb2.spec;

/** Flags fields inside negotiate contexts ([MS-SMB2] 2.2.3.1.3, 2.2.3.1.5). */
public final class ContextFlags {
    /** SMB2_TRANSPORT_CAPABILITIES Flags (2.2.3.1.5). */
    public static final FlagNames TRANSPORT_NAMES = new FlagNames();
    /** "Transport security is offered to skip SMB2 encryption on this connection." */
    public static final int ACCEPT_TRANSPORT_LEVEL_SECURITY =
            TRANSPORT_NAMES.register(0x00000001, "SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY");

    /** SMB2_COMPRESSION_CAPABILITIES Flags (2.2.3.1.3). */
    public static final FlagNames COMPRESSION_NAMES = new FlagNames();
    public static final int COMPRESSION_CHAINED =
            COMPRESSION_NAMES.register(0x00000001, "SMB2_COMPRESSION_CAPABILITIES_FLAG_CHAINED");

    private ContextFlags() {
    }
}
