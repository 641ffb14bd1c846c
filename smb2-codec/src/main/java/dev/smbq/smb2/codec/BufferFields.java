package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;

/** Helpers for the offset/length pairs and FileIds that many bodies share. */
final class BufferFields {
    private BufferFields() {
    }

    /** The offset field of a buffer: where it starts when present, 0 when it is empty. */
    static int offsetOf(Bytes buffer, int bufferOffset) {
        return buffer.isEmpty() ? 0 : bufferOffset;
    }

    static void checkUshortLength(Bytes buffer) {
        checkUshortLength(buffer.length());
    }

    static void checkUshortLength(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("buffer of " + length + " bytes does not fit a USHORT length");
        }
    }

    static void writeFileId(WireWriter out, FileId fileId) {
        out.u64(fileId.persistent()).u64(fileId.volatileId());
    }

    static FileId readFileId(WireReader in) {
        return new FileId(in.u64(), in.u64());
    }
}
