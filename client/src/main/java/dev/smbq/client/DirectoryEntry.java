package dev.smbq.client;

import java.time.Instant;

/**
 * One entry of a directory listing or a stat.
 *
 * @param name      the file name
 * @param size      EndofFile
 * @param directory whether it is a directory
 * @param modified  LastWriteTime
 */
public record DirectoryEntry(String name, long size, boolean directory, Instant modified) {
}
