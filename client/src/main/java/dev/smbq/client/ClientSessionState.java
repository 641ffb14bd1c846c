package dev.smbq.client;

import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;

/** [MS-SMB2] 3.2.1.3 Session, as the connection needs it to sign, seal and check messages. */
final class ClientSessionState {
    final long id;
    final Smb2Signer signer;
    final TransformSealer sealer;
    final TransformUnsealer unsealer;
    final boolean signingRequired;

    ClientSessionState(long id, Smb2Signer signer, TransformSealer sealer, TransformUnsealer unsealer,
                       boolean signingRequired) {
        this.id = id;
        this.signer = signer;
        this.sealer = sealer;
        this.unsealer = unsealer;
        this.signingRequired = signingRequired;
    }
}
