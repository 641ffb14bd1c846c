package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The codec of one message body: its StructureSize, the length of its variable part, and how to write and read the
 * fields that follow StructureSize. Stateless. Positions passed to {@code write}/{@code read} count from the start of
 * the SMB2 header, as wire offsets do.
 *
 * @param type           the record this codec handles
 * @param structureSize  the StructureSize constant of the message ([MS-SMB2] 2.2.x)
 * @param variableLength the number of bytes after the fixed part (buffers and their padding)
 * @param writer         writes everything after StructureSize
 * @param reader         reads everything after StructureSize; the fixed part is known to be present
 * @param padEmptyBuffer whether an empty variable part is sent as one zero byte (requests whose StructureSize counts
 *                       a buffer byte, as Windows and Samba clients send them)
 */
record BodyCodec<T extends Smb2Body>(
        Class<T> type,
        int structureSize,
        ToIntFunction<T> variableLength,
        BiConsumer<T, WireWriter> writer,
        Function<WireReader, T> reader,
        boolean padEmptyBuffer) {

    static <T extends Smb2Body> BodyCodec<T> fixed(Class<T> type, int structureSize, BiConsumer<T, WireWriter> writer,
                                                   Function<WireReader, T> reader) {
        return new BodyCodec<>(type, structureSize, body -> 0, writer, reader, false);
    }

    /** Bytes of the fixed part, StructureSize included; an odd StructureSize counts the first buffer byte. */
    int fixedLength() {
        return structureSize & ~1;
    }

    /** Where the variable part starts, counted from the start of the header. */
    int bufferOffset() {
        return Smb2Header.SIZE + fixedLength();
    }

    int bodyLength(Smb2Body body) {
        int variable = variableLength.applyAsInt(type.cast(body));
        if (variable == 0 && padEmptyBuffer) {
            variable = 1;
        }
        return Math.addExact(fixedLength(), variable);
    }

    void write(Smb2Body body, WireWriter out, int bodyLength) {
        int start = out.position();
        out.u16(structureSize);
        writer.accept(type.cast(body), out);
        out.zeros(bodyLength - (out.position() - start));
    }

    T read(WireReader in) {
        return reader.apply(in);
    }
}
