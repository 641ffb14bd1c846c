package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.spec.RdmaTransformId;
import java.util.List;

/**
 * [MS-SMB2] 2.2.3.1.6 SMB2_RDMA_TRANSFORM_CAPABILITIES (meaningful over SMB Direct only). TransformCount is
 * derived; Reserved1 and Reserved2 are written as 0.
 *
 * @param transformIds RDMATransformIds
 */
public record RdmaTransformCapabilities(List<RdmaTransformId> transformIds) implements NegotiateContext {
    public RdmaTransformCapabilities {
        transformIds = List.copyOf(transformIds);
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.RDMA_TRANSFORM_CAPABILITIES;
    }
}
