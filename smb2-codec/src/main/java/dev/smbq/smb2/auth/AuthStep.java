package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * One step of a GSS exchange: the token to send (possibly empty) and whether this side is done.
 *
 * @param token    the next token for the peer
 * @param complete true when authentication has succeeded on this side
 */
public record AuthStep(Bytes token, boolean complete) {
}
