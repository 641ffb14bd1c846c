package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NegotiateContextType;

/**
 * [MS-SMB2] 2.2.3.1.4 SMB2_NETNAME_NEGOTIATE_CONTEXT_ID: the server name the client connects to (request only).
 *
 * @param netName NetName, carried as UTF-16LE without a terminator
 */
public record NetnameNegotiateContextId(String netName) implements NegotiateContext {
    public NetnameNegotiateContextId {
        java.util.Objects.requireNonNull(netName, "netName");
    }

    @Override
    public NegotiateContextType type() {
        return NegotiateContextType.NETNAME_NEGOTIATE_CONTEXT_ID;
    }
}
