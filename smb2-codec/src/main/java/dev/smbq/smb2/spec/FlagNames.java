package dev.smbq.smb2.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names of the bits of one flags field, for rendering; bits without a name are kept and shown as hex. */
public final class FlagNames {
    private final Map<Long, String> names = new LinkedHashMap<>();

    long register(long bit, String name) {
        names.put(bit, name);
        return bit;
    }

    int register(int bit, String name) {
        names.put(bit & 0xFFFFFFFFL, name);
        return bit;
    }

    /** {@code A | B (0x00000003)}; {@code none (0x00000000)} when no bit is set. */
    public String describe(long value, int hexDigits) {
        List<String> parts = new ArrayList<>();
        long rest = value;
        for (Map.Entry<Long, String> entry : names.entrySet()) {
            long bit = entry.getKey();
            if (bit != 0 && (value & bit) == bit) {
                parts.add(entry.getValue());
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            parts.add(String.format("0x%X", rest));
        }
        String joined = parts.isEmpty() ? "none" : String.join(" | ", parts);
        return joined + " (0x" + String.format("%0" + hexDigits + "X", value) + ")";
    }
}
