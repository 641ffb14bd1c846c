package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.NegotiateContextType;
import java.util.List;

/**
 * [MS-SMB2] 2.2.3.1.2 SMB2_ENCRYPTION_CAPABILITIES. CipherCount is derived.
 *
 * @param ciphers Ciphers in preference order; the response carries one, or {@link CipherId#NONE} for no overlap
 */
public record EncryptionCapabilities(List<CipherId> ciphers) implements NegotiateContext {
    public EncryptionCapabilities {
        ciphers = List.copyOf(ciphers);
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.ENCRYPTION_CAPABILITIES;
    }
}
