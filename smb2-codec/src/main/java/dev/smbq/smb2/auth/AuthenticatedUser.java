package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * The outcome of a successful authentication on the server.
 *
 * @param kind       a real user, a guest, or anonymous
 * @param user       the user name as the client sent it
 * @param domain     the domain as the client sent it
 * @param sessionKey the NTLM ExportedSessionKey, which becomes the SMB session key; empty for guest and anonymous
 */
public record AuthenticatedUser(Kind kind, String user, String domain, Bytes sessionKey) {
    public enum Kind { USER, GUEST, ANONYMOUS }

    @Override
    public String toString() {
        return "AuthenticatedUser[" + kind + ", " + domain + "\\" + user + "]";
    }
}
