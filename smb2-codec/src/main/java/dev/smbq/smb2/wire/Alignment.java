package dev.smbq.smb2.wire;

/** Alignment arithmetic used by the wire layouts (8-byte aligned negotiate contexts, compound elements, ...). */
public final class Alignment {
    private Alignment() {
    }

    public static int padding(long position, int alignment) {
        return (int) ((alignment - position % alignment) % alignment);
    }

    public static int alignUp(int position, int alignment) {
        return Math.addExact(position, padding(position, alignment));
    }

    public static boolean isAligned(long position, int alignment) {
        return position % alignment == 0;
    }
}
