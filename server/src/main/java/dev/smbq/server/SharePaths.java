package dev.smbq.server;

import dev.smbq.smb2.spec.NtStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an SMB path inside a share into a file-system path that stays inside the share's root. Refused, as Windows
 * refuses them: alternate data streams and drive letters (STATUS_OBJECT_NAME_INVALID), an absolute or escaping path
 * (STATUS_OBJECT_PATH_SYNTAX_BAD), and any symbolic link on the way (STATUS_ACCESS_DENIED): links are never
 * followed.
 */
final class SharePaths {
    private SharePaths() {
    }

    static Path resolve(Share share, String smbPath) throws StatusException {
        if (smbPath.indexOf(':') >= 0) {
            throw new StatusException(NtStatus.OBJECT_NAME_INVALID, "stream or drive syntax: " + smbPath);
        }
        // [MS-SMB2] 3.3.5.9: a name that starts with a path separator is an invalid parameter
        if (smbPath.startsWith("\\") || smbPath.startsWith("/")) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "absolute path: " + smbPath);
        }
        for (char c : smbPath.toCharArray()) {
            if (c < 0x20 || "\"*<>?|".indexOf(c) >= 0) {
                throw new StatusException(NtStatus.OBJECT_NAME_INVALID, "character not allowed in a name");
            }
        }
        Path root = share.root();
        Path path = root;
        for (String component : smbPath.split("[\\\\/]")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw new StatusException(NtStatus.OBJECT_PATH_SYNTAX_BAD, "'..' in a path");
            }
            path = path.resolve(component);
            // every existing component must be a real file or directory, never a link
            if (Files.isSymbolicLink(path)) {
                throw new StatusException(NtStatus.ACCESS_DENIED, "symbolic link in the path");
            }
        }
        if (!path.normalize().startsWith(root.normalize())) {
            throw new StatusException(NtStatus.OBJECT_PATH_SYNTAX_BAD, "outside the share");
        }
        return path;
    }

    /** Whether a path exists, without following a final link. */
    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    static StatusException translate(IOException e) {
        String name = e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        NtStatus status = switch (name) {
            case "nosuchfileexception" -> NtStatus.OBJECT_NAME_NOT_FOUND;
            case "filealreadyexistsexception" -> NtStatus.OBJECT_NAME_COLLISION;
            case "directorynotemptyexception" -> NtStatus.DIRECTORY_NOT_EMPTY;
            case "accessdeniedexception" -> NtStatus.ACCESS_DENIED;
            case "notdirectoryexception" -> NtStatus.NOT_A_DIRECTORY;
            default -> NtStatus.ACCESS_DENIED;
        };
        return new StatusException(status, e.getMessage());
    }
}
