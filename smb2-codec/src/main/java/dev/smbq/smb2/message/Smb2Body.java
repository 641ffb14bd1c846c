package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;

/** The command-specific part of an SMB2 message, after the 64-byte header. */
public interface Smb2Body {
    /** The command this body belongs to (for the ERROR response: the command it answers). */
    Command command();

    /** True for bodies the server sends. */
    boolean isResponse();
}
