package dev.smbq.smb2.wire;

import java.util.UUID;

/**
 * Little-endian reads over one bounded element (an SMB2 message, or a part of one), with positions relative to the
 * element's start (for SMB2 messages: the start of the SMB2 header, which is what wire offsets count from).
 *
 * <p>Every read is checked against the element's bounds before anything is read or allocated; running past the end
 * is a {@link SmbDecodeException} and never an index exception. Offsets and lengths from the wire are checked in
 * {@code long} arithmetic, so a large value cannot wrap around.
 */
public final class WireReader {
    private final byte[] data;
    private final int start;
    private final int length;
    private int position;

    private WireReader(byte[] data, int start, int length) {
        this.data = data;
        this.start = start;
        this.length = length;
    }

    public static WireReader of(byte[] data) {
        return new WireReader(data, 0, data.length);
    }

    public static WireReader of(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        return new WireReader(data, offset, length);
    }

    /** A reader over the bytes of {@code bytes}, without copying them. */
    public static WireReader of(Bytes bytes) {
        return new WireReader(bytes.array(), bytes.offset(), bytes.length());
    }

    public int length() {
        return length;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return length - position;
    }

    /** Moves to an absolute position inside the element; moving past the end is a decode error. */
    public WireReader position(long newPosition) {
        if (newPosition < 0 || newPosition > length) {
            throw SmbDecodeException.invalidParameter("position " + newPosition + " outside a " + length + "-byte element");
        }
        position = (int) newPosition;
        return this;
    }

    public WireReader skip(int count) {
        return position((long) position + count);
    }

    private int take(int count, String what) {
        if (count < 0 || count > remaining()) {
            throw SmbDecodeException.invalidParameter(
                    what + " needs " + count + " bytes at " + position + " but only " + remaining() + " remain");
        }
        int at = start + position;
        position += count;
        return at;
    }

    public int u8() {
        return data[take(1, "UCHAR")] & 0xFF;
    }

    public int u16() {
        int at = take(2, "USHORT");
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
    }

    /** A ULONG as a Java int: the bit pattern, for flags and status codes. */
    public int u32() {
        int at = take(4, "ULONG");
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }

    /** A ULONG as its unsigned value, for lengths and offsets. */
    public long u32Unsigned() {
        return u32() & 0xFFFFFFFFL;
    }

    public long u64() {
        long low = u32Unsigned();
        long high = u32Unsigned();
        return high << 32 | low;
    }

    /** A GUID in [MS-DTYP] 2.3.4.2 wire order: Data1, Data2, Data3 little-endian, Data4 as bytes. */
    public UUID guid() {
        long data1 = u32Unsigned();
        long data2 = u16();
        long data3 = u16();
        long data4 = 0;
        for (int i = 0; i < 8; i++) {
            data4 = data4 << 8 | u8();
        }
        return new UUID(data1 << 32 | data2 << 16 | data3, data4);
    }

    /** The next {@code count} bytes as a view (no copy). */
    public Bytes bytes(long count) {
        if (count < 0 || count > remaining()) {
            throw SmbDecodeException.invalidParameter(
                    count + " bytes needed at " + position + " but only " + remaining() + " remain");
        }
        int at = take((int) count, "buffer");
        return Bytes.wrap(data, at, (int) count);
    }

    /** The rest of the element as a view (no copy). */
    public Bytes rest() {
        return bytes(remaining());
    }

    /**
     * A buffer addressed by an offset and a length from the wire. An empty buffer is valid whatever its offset (many
     * senders write 0 there). A non-empty one must start at or after {@code firstAllowed} (the end of the fixed part:
     * a buffer may not overlap the fields that describe it) and end inside the element.
     */
    public Bytes region(long offset, long count, int firstAllowed) {
        if (count == 0) {
            return Bytes.EMPTY;
        }
        if (count < 0 || offset < firstAllowed || offset > length || count > length - offset) {
            throw SmbDecodeException.invalidParameter("buffer at offset " + offset + " with length " + count
                    + " is outside [" + firstAllowed + ", " + length + ")");
        }
        return Bytes.wrap(data, start + (int) offset, (int) count);
    }

    /** A reader over part of this element, positions relative to the part's start; bounds as for {@link #region}. */
    public WireReader sub(long offset, long count) {
        if (offset < 0 || count < 0 || offset > length || count > length - offset) {
            throw SmbDecodeException.invalidParameter(
                    "part at offset " + offset + " with length " + count + " is outside the " + length + "-byte element");
        }
        return new WireReader(data, start + (int) offset, (int) count);
    }
}
