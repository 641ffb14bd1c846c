package dev.smbq.smb2.crypto;

import dev.smbq.smb2.wire.Bytes;
import java.util.HexFormat;

/**
 * The explicit, opt-in way session keys leave the process: one line per session in the form Wireshark's SMB2
 * "Secret session keys for decryption" table (tshark {@code -o uat:smb2_seskey_list:LINE}) takes:
 * {@code SessionId,SessionKey,ServerToClientKey,ClientToServerKey}, all hex, the SessionId in wire (little-endian)
 * byte order. Nothing else in this project writes keys anywhere; implementations of this interface decide where
 * lines go (a file the user named).
 */
@FunctionalInterface
public interface KeyLog {
    /** Logs nothing: the default everywhere. */
    KeyLog NONE = line -> { };

    void write(String line);

    /** Logs the keys of one session. */
    default void session(long sessionId, Bytes sessionKey, SessionKeys keys) {
        write(line(sessionId, sessionKey, keys));
    }

    static String line(long sessionId, Bytes sessionKey, SessionKeys keys) {
        byte[] id = new byte[8];
        for (int i = 0; i < 8; i++) {
            id[i] = (byte) (sessionId >>> (8 * i));
        }
        HexFormat hex = HexFormat.of();
        return hex.formatHex(id) + "," + hex.formatHex(sessionKey.toByteArray()) + ","
                + hex.formatHex(keys.serverToClientKey().toByteArray()) + ","
                + hex.formatHex(keys.clientToServerKey().toByteArray());
    }
}
