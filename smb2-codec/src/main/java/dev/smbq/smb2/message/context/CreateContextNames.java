package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/** The create context names ([MS-SMB2] 2.2.13.2) the codec interprets. */
public final class CreateContextNames {
    public static final Bytes MAXIMAL_ACCESS = CreateContext.tag("MxAc");
    public static final Bytes QUERY_ON_DISK_ID = CreateContext.tag("QFid");
    public static final Bytes REQUEST_LEASE = CreateContext.tag("RqLs");
    public static final Bytes DURABLE_HANDLE_REQUEST = CreateContext.tag("DHnQ");
    public static final Bytes DURABLE_HANDLE_REQUEST_V2 = CreateContext.tag("DH2Q");

    private CreateContextNames() {
    }
}
