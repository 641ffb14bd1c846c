package dev.smbq.server;

import dev.smbq.smb2.message.FileId;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * [MS-SMB2] 3.3.1.10 Open: a file or directory opened on a tree connect. Changed by its connection's worker only
 * (rename, delete-on-close, directory enumeration).
 */
final class OpenFile {
    final FileId fileId;
    final ServerSession.TreeConnect tree;
    final FileChannel channel;
    /** Open.GrantedAccess: the access mask the open was granted, generic rights mapped to specific ones. */
    final int grantedAccess;
    Path path;
    boolean deleteOnClose;
    /** Open.CurrentByteOffset ([MS-FSA] 2.1.1.5): where the last READ or WRITE ended. */
    long position;
    /** Directory enumeration ([MS-SMB2] 3.3.1.10 Open.EnumerationLocation): what remains to be listed. */
    List<FileInfo.Entry> listing;
    int listed;

    /** @param channel the open file, or null for a directory */
    OpenFile(FileId fileId, ServerSession.TreeConnect tree, Path path, FileChannel channel, int grantedAccess,
             boolean deleteOnClose) {
        this.fileId = fileId;
        this.tree = tree;
        this.path = path;
        this.channel = channel;
        this.grantedAccess = grantedAccess;
        this.deleteOnClose = deleteOnClose;
    }

    boolean isDirectory() {
        return channel == null;
    }

    /** Whether the open was granted any of {@code rights}. */
    boolean mayAny(int rights) {
        return (grantedAccess & rights) != 0;
    }
}
