package dev.smbq.server;

import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The [MS-FSCC] information classes the server answers with: file information (2.4), file-system information (2.5)
 * and directory entries (2.4.x directory classes). Sizes and offsets are computed here, fields written in spec order.
 */
final class FileInfo {
    static final int FILE_DIRECTORY_INFORMATION = 1;
    static final int FILE_FULL_DIRECTORY_INFORMATION = 2;
    static final int FILE_BOTH_DIRECTORY_INFORMATION = 3;
    static final int FILE_BASIC_INFORMATION = 4;
    static final int FILE_STANDARD_INFORMATION = 5;
    static final int FILE_INTERNAL_INFORMATION = 6;
    static final int FILE_EA_INFORMATION = 7;
    static final int FILE_ACCESS_INFORMATION = 8;
    static final int FILE_NAMES_INFORMATION = 12;
    static final int FILE_POSITION_INFORMATION = 14;
    static final int FILE_MODE_INFORMATION = 16;
    static final int FILE_ALIGNMENT_INFORMATION = 17;
    static final int FILE_ALL_INFORMATION = 18;
    static final int FILE_STREAM_INFORMATION = 22;
    static final int FILE_NETWORK_OPEN_INFORMATION = 34;
    static final int FILE_ATTRIBUTE_TAG_INFORMATION = 35;
    static final int FILE_ID_BOTH_DIRECTORY_INFORMATION = 37;
    static final int FILE_ID_FULL_DIRECTORY_INFORMATION = 38;
    static final int FS_VOLUME_INFORMATION = 1;
    static final int FS_SIZE_INFORMATION = 3;
    static final int FS_DEVICE_INFORMATION = 4;
    static final int FS_ATTRIBUTE_INFORMATION = 5;
    static final int FS_FULL_SIZE_INFORMATION = 7;
    private static final int FILE_DEVICE_DISK = 0x00000007;
    /** FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK | FILE_CASE_SENSITIVE_SEARCH. */
    private static final int FS_ATTRIBUTES = 0x00000007;
    private static final long CLUSTER = 4096;

    private FileInfo() {
    }

    /** The times, sizes and attributes of one file, as the information classes need them. */
    record Facts(long creation, long lastAccess, long lastWrite, long change, long endOfFile, long allocation,
                 int attributes, boolean directory, long fileIndex) {
        static Facts of(Path path) throws IOException {
            BasicFileAttributes a = FileService.attributes(path);
            Object key = a.fileKey();
            return new Facts(FileService.time(a.creationTime()), FileService.time(a.lastAccessTime()),
                    FileService.time(a.lastModifiedTime()), FileService.time(a.lastModifiedTime()),
                    a.isDirectory() ? 0 : a.size(), FileService.allocation(a), FileService.fileAttributes(a),
                    a.isDirectory(), key == null ? path.hashCode() : key.hashCode() & 0xFFFFFFFFL);
        }
    }

    /** [MS-FSCC] 2.4 file information classes for QUERY_INFO; null for a class not answered. */
    /**
     * @param grantedAccess the open's GrantedAccess (FileAccessInformation)
     * @param position      the open's CurrentByteOffset (FilePositionInformation)
     */
    static Bytes file(int infoClass, Facts facts, String name, int grantedAccess, long position) {
        return switch (infoClass) {
            case FILE_BASIC_INFORMATION -> write(40, out -> basic(out, facts));
            case FILE_STANDARD_INFORMATION -> write(24, out -> standard(out, facts));
            case FILE_INTERNAL_INFORMATION -> write(8, out -> out.u64(facts.fileIndex()));
            case FILE_EA_INFORMATION -> write(4, out -> out.u32(0));
            case FILE_ACCESS_INFORMATION -> write(4, out -> out.u32(grantedAccess));
            case FILE_POSITION_INFORMATION -> write(8, out -> out.u64(position));
            case FILE_MODE_INFORMATION, FILE_ALIGNMENT_INFORMATION -> write(4, out -> out.u32(0));
            case FILE_NETWORK_OPEN_INFORMATION -> write(56, out -> {
                times(out, facts);
                out.u64(facts.allocation()).u64(facts.endOfFile()).u32(facts.attributes()).u32(0);
            });
            case FILE_ATTRIBUTE_TAG_INFORMATION -> write(8, out -> out.u32(facts.attributes()).u32(0));
            case FILE_STREAM_INFORMATION -> facts.directory() ? Bytes.EMPTY : stream(facts);
            case FILE_ALL_INFORMATION -> {
                byte[] encodedName = name.getBytes(StandardCharsets.UTF_16LE);
                yield write(100 + encodedName.length, out -> {
                    basic(out, facts);
                    standard(out, facts);
                    out.u64(facts.fileIndex()).u32(0).u32(grantedAccess).u64(position).u32(0).u32(0);
                    out.u32(encodedName.length).bytes(encodedName);
                });
            }
            default -> null;
        };
    }

    private static Bytes stream(Facts facts) {
        byte[] name = "::$DATA".getBytes(StandardCharsets.UTF_16LE);
        return write(24 + name.length, out -> out.u32(0).u32(name.length).u64(facts.endOfFile())
                .u64(facts.allocation()).bytes(name));
    }

    /** [MS-FSCC] 2.5 file-system information classes; null for a class not answered. */
    static Bytes fileSystem(int infoClass, Path root) throws IOException {
        FileStore store = Files.getFileStore(root);
        long total = store.getTotalSpace() / CLUSTER;
        long free = store.getUsableSpace() / CLUSTER;
        return switch (infoClass) {
            case FS_VOLUME_INFORMATION -> {
                byte[] label = "smbq".getBytes(StandardCharsets.UTF_16LE);
                yield write(18 + label.length, out -> out.u64(0).u32(root.hashCode()).u32(label.length).u8(0).u8(0)
                        .bytes(label));
            }
            case FS_SIZE_INFORMATION -> write(24, out -> out.u64(total).u64(free).u32(1).u32((int) CLUSTER));
            case FS_FULL_SIZE_INFORMATION -> write(32, out -> out.u64(total).u64(free).u64(free).u32(1)
                    .u32((int) CLUSTER));
            case FS_DEVICE_INFORMATION -> write(8, out -> out.u32(FILE_DEVICE_DISK).u32(0));
            case FS_ATTRIBUTE_INFORMATION -> {
                byte[] name = "NTFS".getBytes(StandardCharsets.UTF_16LE);
                yield write(12 + name.length, out -> out.u32(FS_ATTRIBUTES).u32(255).u32(name.length).bytes(name));
            }
            default -> null;
        };
    }

    /** One directory entry: a file name and its facts. */
    record Entry(String name, Facts facts) {
    }

    /**
     * Directory entries in one of the directory information classes, each 8-byte aligned and linked by
     * NextEntryOffset (0 in the last), as many as fit in {@code maxLength}. Returns the encoded entries and how many
     * of {@code entries} they hold; null for a class not answered.
     */
    static Listing directory(int infoClass, List<Entry> entries, long maxLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        for (Entry entry : entries) {
            byte[] encoded = directoryEntry(infoClass, entry);
            if (encoded == null) {
                return null;
            }
            int start = Alignment.alignUp(out.size(), 8);
            if (start + encoded.length > maxLength) {
                break;
            }
            out.write(new byte[start - out.size()], 0, start - out.size());
            out.write(encoded, 0, encoded.length);
            count++;
        }
        byte[] bytes = out.toByteArray();
        // link the entries: each NextEntryOffset points at the next aligned entry
        int position = 0;
        for (int i = 0; i < count - 1; i++) {
            int length = entryLength(infoClass, entries.get(i));
            int next = Alignment.alignUp(length, 8);
            WireWriter.of(bytes, position).u32(next);
            position += next;
        }
        return new Listing(Bytes.wrap(bytes), count);
    }

    /** Encoded directory entries and how many there are. */
    record Listing(Bytes bytes, int count) {
    }

    private static int entryLength(int infoClass, Entry entry) {
        return directoryEntry(infoClass, entry).length;
    }

    private static byte[] directoryEntry(int infoClass, Entry entry) {
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_16LE);
        Facts facts = entry.facts();
        int fixed = switch (infoClass) {
            case FILE_DIRECTORY_INFORMATION -> 64;
            case FILE_FULL_DIRECTORY_INFORMATION -> 68;
            case FILE_ID_FULL_DIRECTORY_INFORMATION -> 80;
            case FILE_BOTH_DIRECTORY_INFORMATION -> 94;
            case FILE_ID_BOTH_DIRECTORY_INFORMATION -> 104;
            case FILE_NAMES_INFORMATION -> 12;
            default -> -1;
        };
        if (fixed < 0) {
            return null;
        }
        byte[] bytes = new byte[fixed + name.length];
        WireWriter out = WireWriter.of(bytes).u32(0).u32(0); // NextEntryOffset (linked later), FileIndex
        if (infoClass == FILE_NAMES_INFORMATION) {
            out.u32(name.length).bytes(name);
            return bytes;
        }
        times(out, facts);
        out.u64(facts.endOfFile()).u64(facts.allocation()).u32(facts.attributes()).u32(name.length);
        switch (infoClass) {
            case FILE_FULL_DIRECTORY_INFORMATION -> out.u32(0);
            case FILE_ID_FULL_DIRECTORY_INFORMATION -> out.u32(0).u32(0).u64(facts.fileIndex());
            case FILE_BOTH_DIRECTORY_INFORMATION -> out.u32(0).u8(0).u8(0).zeros(24);
            case FILE_ID_BOTH_DIRECTORY_INFORMATION -> out.u32(0).u8(0).u8(0).zeros(24).u16(0).u64(facts.fileIndex());
            default -> { }
        }
        out.bytes(name);
        return bytes;
    }

    private static void times(WireWriter out, Facts facts) {
        out.u64(facts.creation()).u64(facts.lastAccess()).u64(facts.lastWrite()).u64(facts.change());
    }

    private static void basic(WireWriter out, Facts facts) {
        times(out, facts);
        out.u32(facts.attributes()).u32(0);
    }

    private static void standard(WireWriter out, Facts facts) {
        out.u64(facts.allocation()).u64(facts.endOfFile()).u32(1).u8(0).u8(facts.directory() ? 1 : 0).u16(0);
    }

    private static Bytes write(int length, java.util.function.Consumer<WireWriter> fields) {
        byte[] bytes = new byte[length];
        fields.accept(WireWriter.of(bytes));
        return Bytes.wrap(bytes);
    }
}
