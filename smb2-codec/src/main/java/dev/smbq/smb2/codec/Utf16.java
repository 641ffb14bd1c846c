package dev.smbq.smb2.codec;

import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.nio.charset.StandardCharsets;

/** UTF-16LE strings as SMB2 carries them: counted in bytes, without a terminator. */
final class Utf16 {
    private Utf16() {
    }

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    static int length(String text) {
        return text.length() * 2;
    }

    static String decode(Bytes bytes) {
        if (bytes.length() % 2 != 0) {
            throw SmbDecodeException.invalidParameter("UTF-16 string of odd length " + bytes.length());
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_16LE);
    }
}
