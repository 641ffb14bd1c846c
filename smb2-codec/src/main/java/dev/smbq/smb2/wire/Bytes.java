package dev.smbq.smb2.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An immutable run of bytes: a blob, a buffer or a payload inside a message.
 *
 * <p>Decoders return views into the received message without copying it; the message array must therefore not be
 * reused after decoding (the framer hands out a fresh array per message). Equality is by content.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0, false);

    private final byte[] array;
    private final int offset;
    private final int length;
    /** Made by {@link #payloadOf}: the bytes before {@link #offset} are the encoder's to write. */
    private final boolean roomForEncoder;

    private Bytes(byte[] array, int offset, int length, boolean roomForEncoder) {
        this.array = array;
        this.offset = offset;
        this.length = length;
        this.roomForEncoder = roomForEncoder;
    }

    /** A copy of {@code data}, so later changes to the array do not show through. */
    public static Bytes copyOf(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone(), 0, data.length, false);
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data, 0, data.length, false);
    }

    /** Takes ownership of a range of {@code data}: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        return length == 0 ? EMPTY : new Bytes(data, offset, length, false);
    }

    /**
     * The payload of a message being built in {@code message}, placed where the encoder will want it: the encoder may
     * then write the fields before {@code offset} into the same array instead of copying the payload into a new one.
     * Takes ownership of the whole array.
     */
    public static Bytes payloadOf(byte[] message, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, message.length);
        return new Bytes(message, offset, length, true);
    }

    /** The pieces one after another, in a new array. */
    public static Bytes concat(List<Bytes> pieces) {
        byte[] joined = new byte[totalLength(pieces)];
        copyAll(pieces, joined, 0);
        return wrap(joined);
    }

    /** The length of the pieces together. */
    public static int totalLength(List<Bytes> pieces) {
        int length = 0;
        for (Bytes piece : pieces) {
            length = Math.addExact(length, piece.length);
        }
        return length;
    }

    /** Copies the pieces one after another into {@code target} from {@code targetOffset}. */
    public static void copyAll(List<Bytes> pieces, byte[] target, int targetOffset) {
        int position = targetOffset;
        for (Bytes piece : pieces) {
            piece.copyTo(target, position);
            position += piece.length;
        }
    }

    public static Bytes fromHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte get(int index) {
        java.util.Objects.checkIndex(index, length);
        return array[offset + index];
    }

    /** A view of part of these bytes, without copying. */
    public Bytes slice(int from, int sliceLength) {
        java.util.Objects.checkFromIndexSize(from, sliceLength, length);
        return sliceLength == 0 ? EMPTY : new Bytes(array, offset + from, sliceLength, false);
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** A read-only buffer over these bytes, without copying. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
    }

    /** Copies these bytes into {@code target} at its position and advances it. */
    public void copyTo(ByteBuffer target) {
        target.put(array, offset, length);
    }

    /** Writes these bytes to {@code sink}, without a copy of its own. */
    public void writeTo(OutputStream sink) throws IOException {
        sink.write(array, offset, length);
    }

    /** Copies these bytes to {@code target}; nothing to do when they already sit there (see {@link #payloadOf}). */
    public void copyTo(byte[] target, int targetOffset) {
        if (target == array && targetOffset == offset) {
            return;
        }
        System.arraycopy(array, offset, target, targetOffset, length);
    }

    /**
     * The message array this payload was placed in by {@link #payloadOf}, if exactly {@code headroom} bytes come
     * before it and it runs to the array's end; otherwise null.
     */
    public byte[] messageAround(int headroom) {
        return roomForEncoder && offset == headroom && offset + length == array.length ? array : null;
    }

    /** Reads a range of an array, which it must not change. */
    @FunctionalInterface
    public interface ArrayReader<R> {
        R read(byte[] array, int offset, int length);
    }

    /** Hands these bytes to {@code reader} where they lie, without copying them (e.g. to check a signature). */
    public <R> R read(ArrayReader<R> reader) {
        return reader.read(array, offset, length);
    }

    /** Copies {@code count} bytes from index {@code from} into {@code target}, without making a slice. */
    public void copyTo(int from, int count, byte[] target, int targetOffset) {
        Objects.checkFromIndexSize(from, count, length);
        System.arraycopy(array, offset + from, target, targetOffset, count);
    }

    public String toHex() {
        return HexFormat.of().withUpperCase().formatHex(array, offset, offset + length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that
                && Arrays.equals(array, offset, offset + length, that.array, that.offset, that.offset + that.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + array[i];
        }
        return hash;
    }

    /** Hex, shortened past 64 bytes so that a large payload does not flood a log line. */
    @Override
    public String toString() {
        if (length <= 64) {
            return toHex();
        }
        return slice(0, 32).toHex() + "..(" + length + " bytes)";
    }
}
