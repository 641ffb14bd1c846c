package dev.smbq.server;

import dev.smbq.smb2.message.FileId;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * [MS-SMB2] 3.3.1.10 Open: a file or directory opened on a tree connect.
 *
 * @param fileId        FileId (persistent and volatile halves)
 * @param tree          the tree connect it belongs to
 * @param path          where it is in the file system
 * @param channel       the open file, or null for a directory
 * @param deleteOnClose FILE_DELETE_ON_CLOSE was asked
 */
record OpenFile(FileId fileId, ServerSession.TreeConnect tree, Path path, FileChannel channel, boolean deleteOnClose) {
    boolean isDirectory() {
        return channel == null;
    }
}
