package dev.smbq.server;

import dev.smbq.smb2.message.QueryDirectoryRequest;
import dev.smbq.smb2.message.QueryDirectoryResponse;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.QueryInfoResponse;
import dev.smbq.smb2.message.SetInfoRequest;
import dev.smbq.smb2.message.SetInfoResponse;
import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** QUERY_DIRECTORY, QUERY_INFO and SET_INFO ([MS-SMB2] 3.3.5.18, 3.3.5.20, 3.3.5.21). */
final class InfoService {
    private static final int FILE_RENAME_INFORMATION = 10;
    private static final int FILE_ATTRIBUTE_TEMPORARY = 0x00000100;
    private static final int FILE_DISPOSITION_INFORMATION = 13;
    private static final int FILE_ALLOCATION_INFORMATION = 19;
    private static final int FILE_END_OF_FILE_INFORMATION = 20;
    private static final int OWNER_SECURITY_INFORMATION = 1;
    private static final int GROUP_SECURITY_INFORMATION = 2;
    private static final int DACL_SECURITY_INFORMATION = 4;
    /** S-1-1-0, Everyone. */
    private static final byte[] EVERYONE = {1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0};

    private InfoService() {
    }

    static QueryDirectoryResponse queryDirectory(OpenFile open, QueryDirectoryRequest request) throws StatusException {
        if (!open.isDirectory()) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "QUERY_DIRECTORY on a file");
        }
        boolean restart = (request.flags() & (QueryDirectoryRequest.FLAG_RESTART_SCANS
                | QueryDirectoryRequest.FLAG_REOPEN)) != 0;
        boolean first = open.listing == null || restart;
        if (first) {
            open.listing = list(open.path, request.fileName().isEmpty() ? "*" : request.fileName());
            open.listed = 0;
        }
        List<FileInfo.Entry> remaining = open.listing.subList(open.listed, open.listing.size());
        if (remaining.isEmpty()) {
            throw new StatusException(first ? NtStatus.NO_SUCH_FILE : NtStatus.NO_MORE_FILES, "nothing (more) to list");
        }
        if ((request.flags() & QueryDirectoryRequest.FLAG_RETURN_SINGLE_ENTRY) != 0) {
            remaining = remaining.subList(0, 1);
        }
        FileInfo.Listing listing = FileInfo.directory(request.fileInformationClass(), remaining,
                request.outputBufferLength());
        if (listing == null) {
            throw new StatusException(NtStatus.INVALID_INFO_CLASS, "directory class " + request.fileInformationClass());
        }
        if (listing.count() == 0) {
            throw new StatusException(NtStatus.INFO_LENGTH_MISMATCH, "OutputBufferLength too small for one entry");
        }
        open.listed += listing.count();
        return new QueryDirectoryResponse(listing.bytes());
    }

    /** ".", "..", then the directory's entries whose names match the pattern, in name order. */
    private static List<FileInfo.Entry> list(Path directory, String pattern) throws StatusException {
        Pattern matcher = wildcard(pattern);
        List<FileInfo.Entry> entries = new ArrayList<>();
        try {
            FileInfo.Facts self = FileInfo.Facts.of(directory);
            for (String dot : new String[] {".", ".."}) {
                if (matcher.matcher(dot).matches()) {
                    entries.add(new FileInfo.Entry(dot, self));
                }
            }
            try (Stream<Path> children = Files.list(directory)) {
                for (Path child : children.sorted().toList()) {
                    String name = child.getFileName().toString();
                    if (matcher.matcher(name).matches() && !Files.isSymbolicLink(child)) {
                        entries.add(new FileInfo.Entry(name, FileInfo.Facts.of(child)));
                    }
                }
            }
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
        return entries;
    }

    /** SMB wildcards ('*', '?', and the DOS forms '<', '>', '"') matched without regard to case. */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*', '<' -> regex.append(".*");
                case '?', '>' -> regex.append('.');
                case '"' -> regex.append("\\.");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    static QueryInfoResponse queryInfo(OpenFile open, QueryInfoRequest request) throws StatusException {
        Bytes data;
        try {
            data = switch (request.infoType()) {
                case QueryInfoRequest.INFO_FILE -> FileInfo.file(request.fileInfoClass(), FileInfo.Facts.of(open.path),
                        open.path.equals(open.tree.share().root()) ? "\\" : "\\" + open.tree.share().root()
                                .relativize(open.path).toString().replace('/', '\\'), open.grantedAccess,
                        open.position);
                case QueryInfoRequest.INFO_FILESYSTEM -> FileInfo.fileSystem(request.fileInfoClass(),
                        open.tree.share().root());
                case QueryInfoRequest.INFO_SECURITY -> securityDescriptor(request.additionalInformation());
                default -> throw new StatusException(NtStatus.NOT_SUPPORTED, "quota and other information");
            };
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
        if (data == null) {
            throw new StatusException(NtStatus.INVALID_INFO_CLASS, "information class " + request.fileInfoClass());
        }
        if (data.length() > request.outputBufferLength()) {
            throw new StatusException(NtStatus.INFO_LENGTH_MISMATCH, "OutputBufferLength too small");
        }
        return new QueryInfoResponse(data);
    }

    /**
     * A minimal self-relative security descriptor ([MS-DTYP] 2.4.6): owner and group Everyone, and a DACL that grants
     * Everyone full access; only the parts asked for are present.
     */
    private static Bytes securityDescriptor(int parts) {
        boolean owner = (parts & OWNER_SECURITY_INFORMATION) != 0;
        boolean group = (parts & GROUP_SECURITY_INFORMATION) != 0;
        boolean dacl = (parts & DACL_SECURITY_INFORMATION) != 0;
        int aceSize = 8 + EVERYONE.length;
        int daclSize = 8 + aceSize;
        int length = 20 + (owner ? EVERYONE.length : 0) + (group ? EVERYONE.length : 0) + (dacl ? daclSize : 0);
        byte[] bytes = new byte[length];
        int offset = 20;
        int ownerOffset = owner ? offset : 0;
        offset += owner ? EVERYONE.length : 0;
        int groupOffset = group ? offset : 0;
        offset += group ? EVERYONE.length : 0;
        int daclOffset = dacl ? offset : 0;
        // SE_SELF_RELATIVE, and SE_DACL_PRESENT when there is a DACL
        WireWriter out = WireWriter.of(bytes).u8(1).u8(0).u16(0x8000 | (dacl ? 0x0004 : 0))
                .u32(ownerOffset).u32(groupOffset).u32(0).u32(daclOffset);
        if (owner) {
            out.bytes(EVERYONE);
        }
        if (group) {
            out.bytes(EVERYONE);
        }
        if (dacl) {
            // ACL revision 2, one ACCESS_ALLOWED_ACE granting FILE_ALL_ACCESS to Everyone
            out.u8(2).u8(0).u16(daclSize).u16(1).u16(0);
            out.u8(0).u8(0).u16(aceSize).u32(0x001F01FF).bytes(EVERYONE);
        }
        return Bytes.wrap(bytes);
    }

    static SetInfoResponse setInfo(ServerSession session, OpenFile open, SetInfoRequest request) throws StatusException {
        if (request.infoType() != QueryInfoRequest.INFO_FILE) {
            throw new StatusException(NtStatus.NOT_SUPPORTED, "only file information can be set");
        }
        WireReader in = WireReader.of(request.buffer());
        try {
            switch (request.fileInfoClass()) {
                case FileInfo.FILE_BASIC_INFORMATION -> {
                    in.skip(16); // CreationTime, LastAccessTime: not kept by every file system
                    long lastWrite = in.u64();
                    in.skip(8); // ChangeTime
                    // [MS-FSA] 2.1.5.14.2: a directory cannot be made FILE_ATTRIBUTE_TEMPORARY
                    if (open.isDirectory() && (in.u32() & FILE_ATTRIBUTE_TEMPORARY) != 0) {
                        throw new StatusException(NtStatus.INVALID_PARAMETER, "a temporary directory");
                    }
                    if (lastWrite > 0) {
                        Files.setLastModifiedTime(open.path, FileTime.from(FileTimes.toInstant(lastWrite)));
                    }
                }
                case FILE_END_OF_FILE_INFORMATION -> setLength(open, in.u64());
                case FILE_ALLOCATION_INFORMATION -> {
                    // allocation is the file system's business; the request succeeds without changing the size
                }
                case FILE_DISPOSITION_INFORMATION -> {
                    boolean delete = in.u8() != 0;
                    if (delete && open.isDirectory()) {
                        try (Stream<Path> children = Files.list(open.path)) {
                            if (children.findAny().isPresent()) {
                                throw new StatusException(NtStatus.DIRECTORY_NOT_EMPTY, "directory not empty");
                            }
                        }
                    }
                    open.deleteOnClose = delete;
                }
                case FILE_RENAME_INFORMATION -> rename(open, in);
                default -> throw new StatusException(NtStatus.INVALID_INFO_CLASS, "class " + request.fileInfoClass());
            }
        } catch (SmbDecodeException e) {
            throw new StatusException(NtStatus.INFO_LENGTH_MISMATCH, "buffer too short for the class");
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
        return new SetInfoResponse();
    }

    private static void setLength(OpenFile open, long length) throws IOException, StatusException {
        if (open.isDirectory() || length < 0) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "end of file of a directory");
        }
        if (length < open.channel.size()) {
            open.channel.truncate(length);
        } else if (length > open.channel.size()) {
            open.channel.write(java.nio.ByteBuffer.wrap(new byte[1]), length - 1);
        }
    }

    /** [MS-FSCC] 2.4.37 FILE_RENAME_INFORMATION_TYPE_2: ReplaceIfExists, Reserved, RootDirectory, name. */
    private static void rename(OpenFile open, WireReader in) throws IOException, StatusException {
        boolean replace = in.u8() != 0;
        in.skip(7 + 8);
        long nameLength = in.u32Unsigned();
        String name = new String(in.bytes(nameLength).toByteArray(), StandardCharsets.UTF_16LE);
        while (name.startsWith("\\")) {
            name = name.substring(1); // Windows clients name the target from the share root
        }
        Path target = SharePaths.resolve(open.tree.share(), name);
        if (SharePaths.exists(target) && !replace) {
            throw new StatusException(NtStatus.OBJECT_NAME_COLLISION, "target exists");
        }
        if (replace) {
            Files.move(open.path, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(open.path, target);
        }
        open.path = target;
    }
}
