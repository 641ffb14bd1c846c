package dev.smbq.client;

import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;

/** [MS-SMB2] 3.2.1.3 Session, as the connection needs it to sign, seal and check messages. */
final class ClientSessionState {
    final long id;
    /** Signs what the application threads send. */
    final Smb2Signer signer;
    /**
     * Checks what the transport thread receives: a second instance with the same key, so that checking a small
     * response never waits for the signing of a large request on another thread.
     */
    final Smb2Signer verifier;
    final TransformSealer sealer;
    final TransformUnsealer unsealer;
    /** Session.SigningRequired: either side required signing, so requests go signed and responses must be. */
    final boolean signingRequired;

    ClientSessionState(long id, Smb2Signer signer, Smb2Signer verifier, TransformSealer sealer,
                       TransformUnsealer unsealer, boolean signingRequired) {
        this.id = id;
        this.signer = signer;
        this.verifier = verifier;
        this.sealer = sealer;
        this.unsealer = unsealer;
        this.signingRequired = signingRequired;
    }
}
