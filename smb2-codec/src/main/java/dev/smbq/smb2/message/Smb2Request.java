package dev.smbq.smb2.message;

/** A body a client sends. */
public interface Smb2Request extends Smb2Body {
    @Override
    default boolean isResponse() {
        return false;
    }
}
