package dev.smbq.smb2.crypto;

import dev.smbq.smb2.negotiate.PreauthIntegrityHash;
import dev.smbq.smb2.spec.NtStatus;

/**
 * The pre-authentication integrity hash of one session setup (a new session or a channel binding), [MS-SMB2]
 * 3.2.5.3 / 3.3.5.5: it starts from the connection's hash after NEGOTIATE and takes in every SESSION_SETUP request
 * and every STATUS_MORE_PROCESSING_REQUIRED response, but not the final response, which is signed with keys
 * derived from it. Immutable.
 */
public record SessionPreauth(PreauthIntegrityHash hash) {

    /** A session setup on a 3.1.1 connection whose hash after NEGOTIATE is {@code connectionHash}. */
    public static SessionPreauth startingFrom(PreauthIntegrityHash connectionHash) {
        return new SessionPreauth(connectionHash);
    }

    public SessionPreauth request(byte[] sessionSetupRequest) {
        return new SessionPreauth(hash.update(sessionSetupRequest));
    }

    /** Takes in a response that asks for another round; a final (or failed) response is not hashed. */
    public SessionPreauth response(byte[] sessionSetupResponse, NtStatus status) {
        return status.equals(NtStatus.MORE_PROCESSING_REQUIRED)
                ? new SessionPreauth(hash.update(sessionSetupResponse)) : this;
    }
}
