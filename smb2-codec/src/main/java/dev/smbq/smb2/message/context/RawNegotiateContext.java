package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.wire.Bytes;

/**
 * A negotiate context of a type this codec does not interpret (e.g. 0x0100, the POSIX extensions of Samba and
 * Linux). [MS-SMB2] 3.3.5.4 / 3.2.5.2: unknown contexts are ignored; this one is kept so that it re-encodes unchanged.
 *
 * @param type ContextType
 * @param data Data, exactly as received
 */
public record RawNegotiateContext(NegotiateContextType type, Bytes data) implements NegotiateContext {
    public RawNegotiateContext {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(data, "data");
    }
}
