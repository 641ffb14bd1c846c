package dev.smbq.smb2.message.context;

import dev.smbq.smb2.wire.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * [MS-SMB2] 2.2.13.2 SMB2_CREATE_CONTEXT: one entry of a CREATE request's or response's context chain. Next,
 * NameOffset/Length and DataOffset/Length are derived by the codec; implementations hold the Name and the Data.
 */
public interface CreateContext {
    /** The context name: usually a 4-character tag, sometimes a 16-byte GUID. */
    Bytes name();

    static Bytes tag(String ascii) {
        return Bytes.wrap(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
