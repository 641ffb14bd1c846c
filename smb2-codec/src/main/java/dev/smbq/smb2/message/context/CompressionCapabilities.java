package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.spec.NegotiateContextType;
import java.util.List;

/**
 * [MS-SMB2] 2.2.3.1.3 SMB2_COMPRESSION_CAPABILITIES. CompressionAlgorithmCount is derived, Padding is written as 0.
 *
 * @param flags      Flags: SMB2_COMPRESSION_CAPABILITIES_FLAG_CHAINED (0x1) or none
 * @param algorithms CompressionAlgorithms
 */
public record CompressionCapabilities(int flags, List<CompressionAlgorithm> algorithms) implements NegotiateContext {
    public CompressionCapabilities {
        algorithms = List.copyOf(algorithms);
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.COMPRESSION_CAPABILITIES;
    }
}
