package dev.smbq.smb2.message.context;

import dev.smbq.smb2.spec.NegotiateContextType;

/**
 * [MS-SMB2] 2.2.3.1 SMB2 NEGOTIATE_CONTEXT: one entry of a NegotiateContextList. The 8-byte context header
 * (ContextType, DataLength, Reserved) is derived by the codec; each implementation holds the Data.
 */
public interface NegotiateContext {
    NegotiateContextType type();
}
