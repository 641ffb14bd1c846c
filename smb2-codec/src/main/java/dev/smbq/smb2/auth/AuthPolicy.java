package dev.smbq.smb2.auth;

/**
 * Which sessions a server grants besides authenticated users.
 *
 * @param allowGuest     an unknown user gets a guest session (SMB2_SESSION_FLAG_IS_GUEST) instead of
 *                       STATUS_LOGON_FAILURE; guest sessions have no session key, so they cannot sign or encrypt
 * @param allowAnonymous an anonymous (null) NTLM authentication gets a null session (SMB2_SESSION_FLAG_IS_NULL)
 */
public record AuthPolicy(boolean allowGuest, boolean allowAnonymous) {
    /** Only users from the store. */
    public static final AuthPolicy USERS_ONLY = new AuthPolicy(false, false);
}
