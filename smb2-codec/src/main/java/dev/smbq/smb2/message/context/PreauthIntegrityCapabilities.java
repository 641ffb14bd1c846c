package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;

/**
 * [MS-SMB2] 2.2.3.1.1 SMB2_PREAUTH_INTEGRITY_CAPABILITIES. HashAlgorithmCount and SaltLength are derived.
 *
 * @param hashAlgorithms HashAlgorithms (the response carries exactly one)
 * @param salt           Salt: random bytes (32 from Windows)
 */
public record PreauthIntegrityCapabilities(List<HashAlgorithm> hashAlgorithms, Bytes salt) implements NegotiateContext {
    public PreauthIntegrityCapabilities {
        hashAlgorithms = List.copyOf(hashAlgorithms);
        java.util.Objects.requireNonNull(salt, "salt");
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.PREAUTH_INTEGRITY_CAPABILITIES;
    }
}
