package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.ContextFlags;
import dev.smbq.smb2.spec.NegotiateContextType;

/**
 * [MS-SMB2] 2.2.3.1.5 SMB2_TRANSPORT_CAPABILITIES: a client on a secure transport (QUIC) offers to skip SMB
 * encryption; a server that accepts echoes the flag in its response.
 *
 * @param flags Flags: {@link ContextFlags#ACCEPT_TRANSPORT_LEVEL_SECURITY}; other bits are kept and ignored
 */
public record TransportCapabilities(int flags) implements NegotiateContext {
    public static final TransportCapabilities ACCEPT_TRANSPORT_LEVEL_SECURITY =
            new TransportCapabilities(ContextFlags.ACCEPT_TRANSPORT_LEVEL_SECURITY);

    public boolean acceptsTransportLevelSecurity() {
        return (flags & ContextFlags.ACCEPT_TRANSPORT_LEVEL_SECURITY) != 0;
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.TRANSPORT_CAPABILITIES;
    }
}
