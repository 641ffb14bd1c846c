package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.spec.SigningAlgorithm;
import java.util.List;

/**
 * [MS-SMB2] 2.2.3.1.7 SMB2_SIGNING_CAPABILITIES. SigningAlgorithmCount is derived.
 *
 * @param signingAlgorithms SigningAlgorithms in preference order; the response carries one
 */
public record SigningCapabilities(List<SigningAlgorithm> signingAlgorithms) implements NegotiateContext {
    public SigningCapabilities {
        signingAlgorithms = List.copyOf(signingAlgorithms);
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.SIGNING_CAPABILITIES;
    }
}
