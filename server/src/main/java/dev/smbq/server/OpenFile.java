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
    Path path;
    boolean deleteOnClose;
    /** Directory enumeration ([MS-SMB2] 3.3.1.10 Open.EnumerationLocation): what remains to be listed. */
    List<FileInfo.Entry> listing;
    int listed;

    /** @param channel the open file, or null for a directory */
    OpenFile(FileId fileId, ServerSession.TreeConnect tree, Path path, FileChannel channel, boolean deleteOnClose) {
        this.fileId = fileId;
        this.tree = tree;
        this.path = path;
        this.channel = channel;
        this.deleteOnClose = deleteOnClose;
    }

    boolean isDirectory() {
        return channel == null;
    }
}
