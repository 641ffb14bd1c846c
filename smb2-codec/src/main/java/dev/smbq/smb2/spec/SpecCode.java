package dev.smbq.smb2.spec;

/**
 * A value from one of the spec's code spaces. Any code is a valid value: codes this project does not know keep
 * their number, are named "Unknown", and are ignored where the spec says so.
 */
public interface SpecCode {
    int code();

    CodeNames codeNames();

    /** Digits of the hexadecimal form (4 for a USHORT, 8 for a ULONG). */
    int hexDigits();

    default String name() {
        return codeNames().nameOf(code());
    }

    default boolean isKnown() {
        return codeNames().isKnown(code());
    }

    /** {@code NAME (0x0000)}: the form the trace printer and log lines use. */
    default String describe() {
        return name() + " (0x" + String.format("%0" + hexDigits() + "X", code()) + ")";
    }
}
