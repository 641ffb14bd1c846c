package dev.smbq.smb2.message;

import dev.smbq.smb2.wire.Bytes;

/**
 * A whole encrypted message as framed on the wire: the TRANSFORM_HEADER and the encrypted SMB2 message (or chain of
 * messages) after it, whose length equals OriginalMessageSize.
 */
public record TransformMessage(TransformHeader header, Bytes encryptedMessage) {
    public TransformMessage {
        if (encryptedMessage.length() != header.originalMessageSize()) {
            throw new IllegalArgumentException("encrypted message length differs from OriginalMessageSize");
        }
    }
}
