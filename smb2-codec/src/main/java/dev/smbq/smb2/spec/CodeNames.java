package dev.smbq.smb2.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the values of one spec code space (dialects, commands, statuses, ...). Codes without a name stay
 * valid values: the spec asks receivers to keep and ignore what they do not know.
 */
public final class CodeNames {
    private final Map<Integer, String> names = new LinkedHashMap<>();

    int register(int code, String name) {
        if (names.putIfAbsent(code, name) != null) {
            throw new IllegalStateException("code registered twice: " + name);
        }
        return code;
    }

    public boolean isKnown(int code) {
        return names.containsKey(code);
    }

    /** The spec name, or {@code "Unknown"}. */
    public String nameOf(int code) {
        return names.getOrDefault(code, "Unknown");
    }

    public Map<Integer, String> all() {
        return Collections.unmodifiableMap(names);
    }
}
