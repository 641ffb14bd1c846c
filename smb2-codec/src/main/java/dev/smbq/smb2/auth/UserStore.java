package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users a server accepts, by NT hash. Text form, one user per line (blank lines and lines starting with '#'
 * are ignored):
 * <pre>
 * alice:password:Secret 123        the password itself (everything after the second colon)
 * bob:nthash:7C4FE5EADA682714A036E39378362BAB   the MD4 of the UTF-16LE password, in hex
 * </pre>
 * User names match without regard to case, as Windows account names do.
 */
public final class UserStore {
    private final Map<String, Bytes> ntHashes;

    private UserStore(Map<String, Bytes> ntHashes) {
        this.ntHashes = Collections.unmodifiableMap(ntHashes);
    }

    public static UserStore empty() {
        return new UserStore(Map.of());
    }

    /** Parses the text form; a malformed line is an error that names its line number. */
    public static UserStore parse(String text) {
        Map<String, Bytes> hashes = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = lines[i].split(":", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected user:password:PASSWORD or user:nthash:HEX");
            }
            Bytes hash = switch (parts[1]) {
                case "password" -> Bytes.wrap(NtlmCrypto.ntHash(parts[2]));
                case "nthash" -> parseHash(parts[2].strip(), i + 1);
                default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown kind '" + parts[1] + "'");
            };
            if (hashes.putIfAbsent(key(parts[0].strip()), hash) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": user '" + parts[0].strip() + "' given twice");
            }
        }
        return new UserStore(hashes);
    }

    private static Bytes parseHash(String hex, int line) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex);
            if (hash.length == 16) {
                return Bytes.wrap(hash);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("line " + line + ": an NT hash is 32 hex digits");
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    public Optional<Bytes> ntHash(String user) {
        return Optional.ofNullable(ntHashes.get(key(user)));
    }

    public int size() {
        return ntHashes.size();
    }
}
