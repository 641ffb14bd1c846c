package dev.smbq.smb2.wire;

import java.util.UUID;

/**
 * Little-endian writes into an array sized exactly by the encoder beforehand; positions are relative to the start of
 * the element being written (the SMB2 header for messages). Writing past the computed size is a bug in the encoder and
 * fails loudly.
 */
public final class WireWriter {
    private final byte[] data;
    private final int start;
    private int position;

    private WireWriter(byte[] data, int start) {
        this.data = data;
        this.start = start;
    }

    public static WireWriter of(byte[] data) {
        return new WireWriter(data, 0);
    }

    /** A writer whose position 0 is {@code data[start]}. */
    public static WireWriter of(byte[] data, int start) {
        return new WireWriter(data, start);
    }

    public int position() {
        return position;
    }

    private int take(int count) {
        java.util.Objects.checkFromIndexSize(start + position, count, data.length);
        int at = start + position;
        position += count;
        return at;
    }

    public WireWriter u8(int value) {
        data[take(1)] = (byte) value;
        return this;
    }

    public WireWriter u16(int value) {
        int at = take(2);
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >>> 8);
        return this;
    }

    public WireWriter u32(int value) {
        int at = take(4);
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >>> 8);
        data[at + 2] = (byte) (value >>> 16);
        data[at + 3] = (byte) (value >>> 24);
        return this;
    }

    public WireWriter u32(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("not a ULONG: " + value);
        }
        return u32((int) value);
    }

    public WireWriter u64(long value) {
        u32((int) value);
        return u32((int) (value >>> 32));
    }

    /** A GUID in [MS-DTYP] 2.3.4.2 wire order. */
    public WireWriter guid(UUID guid) {
        long high = guid.getMostSignificantBits();
        u32((int) (high >>> 32));
        u16((int) (high >>> 16));
        u16((int) high);
        long low = guid.getLeastSignificantBits();
        for (int shift = 56; shift >= 0; shift -= 8) {
            u8((int) (low >>> shift));
        }
        return this;
    }

    public WireWriter bytes(Bytes bytes) {
        bytes.copyTo(data, take(bytes.length()));
        return this;
    }

    public WireWriter bytes(byte[] bytes) {
        System.arraycopy(bytes, 0, data, take(bytes.length), bytes.length);
        return this;
    }

    public WireWriter zeros(int count) {
        int at = take(count);
        java.util.Arrays.fill(data, at, at + count, (byte) 0);
        return this;
    }

    /** Pads with zeros up to the next multiple of {@code alignment} (relative to the element start). */
    public WireWriter alignTo(int alignment) {
        return zeros(Alignment.padding(position, alignment));
    }
}
