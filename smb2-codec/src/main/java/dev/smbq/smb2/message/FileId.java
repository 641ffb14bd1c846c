package dev.smbq.smb2.message;

/** [MS-SMB2] 2.2.14.1 SMB2_FILEID: the persistent and volatile halves of an open's identifier. */
public record FileId(long persistent, long volatileId) {
    /** All ones: "the FileId of the previous request" in a related compound chain (3.2.4.1.4). */
    public static final FileId RELATED = new FileId(-1L, -1L);
    public static final FileId ZERO = new FileId(0, 0);
    public static final int SIZE = 16;
}
