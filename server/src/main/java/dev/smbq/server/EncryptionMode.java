package dev.smbq.server;

/** Whether the server asks for SMB encryption on a session or a share ([MS-SMB2] 3.3.1.5 EncryptData, RejectUnencryptedAccess). */
public enum EncryptionMode {
    /** Never required; a client may still encrypt, and is answered encrypted. */
    OFF,
    /** Required where the client can encrypt (3.x with a cipher); clients that cannot are still served. */
    DESIRED,
    /** Required: a client that cannot encrypt is refused (STATUS_ACCESS_DENIED). */
    REQUIRED
}
