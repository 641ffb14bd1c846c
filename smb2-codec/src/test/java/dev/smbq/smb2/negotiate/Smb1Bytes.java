package dev.smbq.smb2.negotiate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds SMB1 SMB_COM_NEGOTIATE requests as multi-protocol clients send them. */
final class Smb1Bytes {
    private Smb1Bytes() {
    }

    static byte[] negotiate(String... dialects) {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        for (String dialect : dialects) {
            strings.write(0x02);
            strings.writeBytes(dialect.getBytes(StandardCharsets.US_ASCII));
            strings.write(0);
        }
        byte[] header = new byte[32];
        header[0] = (byte) 0xFF;
        header[1] = 'S';
        header[2] = 'M';
        header[3] = 'B';
        header[4] = 0x72; // SMB_COM_NEGOTIATE
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(header);
        message.write(0); // WordCount
        message.write(strings.size() & 0xFF);
        message.write(strings.size() >>> 8);
        message.writeBytes(strings.toByteArray());
        return message.toByteArray();
    }
}
