package dev.smbq.smb2.message;

/** One SMB2 message: the packet header and the command body that follows it. */
public record Smb2Message(Smb2Header header, Smb2Body body) {
    public Smb2Message {
        java.util.Objects.requireNonNull(header, "header");
        java.util.Objects.requireNonNull(body, "body");
    }
}
