package dev.smbq.smb2.message;

/** A body a server sends. */
public interface Smb2Response extends Smb2Body {
    @Override
    default boolean isResponse() {
        return true;
    }
}
