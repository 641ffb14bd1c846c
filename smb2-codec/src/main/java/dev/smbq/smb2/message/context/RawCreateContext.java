package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;

/**
 * A create context the codec does not interpret, kept as it came ([MS-SMB2] 3.3.5.9: a server ignores create
 * contexts it does not know).
 *
 * @param name Buffer name
 * @param data Buffer data
 */
public record RawCreateContext(Bytes name, Bytes data) implements CreateContext {
    public RawCreateContext {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(data, "data");
    }
}
