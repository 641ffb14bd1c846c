package dev.smbq.server;

import java.nio.file.Path;

/**
 * A disk share: a name and a root directory on any {@link java.nio.file.FileSystem}; everything the share serves
 * stays inside the root.
 *
 * @param name       the share name (matched without regard to case)
 * @param root       the directory served
 * @param encryption the share's encryption requirement (Share.EncryptData), on top of the server's
 */
public record Share(String name, Path root, EncryptionMode encryption) {
    public Share {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(root, "root");
        java.util.Objects.requireNonNull(encryption, "encryption");
        if (name.isEmpty() || name.contains("\\") || name.contains("/")) {
            throw new IllegalArgumentException("not a share name: " + name);
        }
    }

    public static Share of(String name, Path root) {
        return new Share(name, root, EncryptionMode.OFF);
    }
}
