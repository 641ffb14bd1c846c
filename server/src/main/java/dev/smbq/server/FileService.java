package dev.smbq.server;

import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.CloseResponse;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.CreateResponse;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.ReadRequest;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.WriteResponse;
import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE, READ, WRITE, FLUSH and CLOSE ([MS-SMB2] 3.3.5.9 - 3.3.5.13) over the share's file system. Opens live in
 * the session; every path goes through {@link SharePaths}.
 */
final class FileService {
    static final int FILE_SUPERSEDE = 0;
    static final int FILE_OPEN = 1;
    static final int FILE_CREATE = 2;
    static final int FILE_OPEN_IF = 3;
    static final int FILE_OVERWRITE = 4;
    static final int FILE_OVERWRITE_IF = 5;
    static final int FILE_DIRECTORY_FILE = 0x00000001;
    static final int FILE_NON_DIRECTORY_FILE = 0x00000040;
    static final int FILE_DELETE_ON_CLOSE = 0x00001000;
    static final int ATTRIBUTE_DIRECTORY = 0x00000010;
    static final int ATTRIBUTE_ARCHIVE = 0x00000020;
    private static final int ACTION_SUPERSEDED = 0;
    private static final int ACTION_OPENED = 1;
    private static final int ACTION_CREATED = 2;
    private static final int ACTION_OVERWRITTEN = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int FILE_READ_DATA = 0x00000001;
    static final int FILE_WRITE_DATA = 0x00000002;
    static final int FILE_APPEND_DATA = 0x00000004;
    static final int FILE_EXECUTE = 0x00000020;
    /** Every specific and standard right a file can have ([MS-SMB2] 2.2.13.1.1 FILE_ALL_ACCESS). */
    static final int FILE_ALL_ACCESS = 0x001F01FF;
    private static final int MAXIMUM_ALLOWED = 0x02000000;
    private static final int GENERIC_ALL = 0x10000000;
    private static final int GENERIC_EXECUTE = 0x20000000;
    private static final int GENERIC_WRITE = 0x40000000;
    private static final int GENERIC_READ = 0x80000000;

    private FileService() {
    }

    static CreateResponse create(ServerSession session, ServerSession.TreeConnect tree, CreateRequest request,
                                 int maxOpens) throws StatusException {
        if (tree.ipc()) {
            throw new StatusException(NtStatus.OBJECT_NAME_NOT_FOUND, "no named pipes here");
        }
        // checked before anything on disk changes
        if (session.opens.size() >= maxOpens) {
            throw new StatusException(NtStatus.INSUFFICIENT_RESOURCES, "too many opens in this session");
        }
        // [MS-SMB2] 3.3.5.9: ImpersonationLevel above Delegate (3) is refused
        if (request.impersonationLevel() > 3) {
            throw new StatusException(NtStatus.BAD_IMPERSONATION_LEVEL, "ImpersonationLevel " + request.impersonationLevel());
        }
        Path path = SharePaths.resolve(tree.share(), request.name());
        int disposition = request.createDisposition();
        if (disposition < FILE_SUPERSEDE || disposition > FILE_OVERWRITE_IF) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "CreateDisposition " + disposition);
        }
        boolean wantsDirectory = (request.createOptions() & FILE_DIRECTORY_FILE) != 0;
        boolean wantsFile = (request.createOptions() & FILE_NON_DIRECTORY_FILE) != 0;
        if (wantsDirectory && wantsFile) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "both directory and non-directory");
        }
        boolean exists = SharePaths.exists(path);
        if (!exists && !SharePaths.exists(path.getParent() == null ? path : path.getParent())) {
            throw new StatusException(NtStatus.OBJECT_PATH_NOT_FOUND, "parent directory missing");
        }
        boolean isDirectory = exists && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (exists && wantsDirectory && !isDirectory) {
            throw new StatusException(NtStatus.NOT_A_DIRECTORY, "not a directory");
        }
        if (exists && wantsFile && isDirectory) {
            throw new StatusException(NtStatus.FILE_IS_A_DIRECTORY, "a directory");
        }
        int action;
        try {
            switch (disposition) {
                case FILE_OPEN -> {
                    if (!exists) {
                        throw new StatusException(NtStatus.OBJECT_NAME_NOT_FOUND, "no such file");
                    }
                    action = ACTION_OPENED;
                }
                case FILE_CREATE -> {
                    if (exists) {
                        throw new StatusException(NtStatus.OBJECT_NAME_COLLISION, "exists");
                    }
                    action = ACTION_CREATED;
                }
                case FILE_OPEN_IF -> action = exists ? ACTION_OPENED : ACTION_CREATED;
                case FILE_OVERWRITE -> {
                    if (!exists) {
                        throw new StatusException(NtStatus.OBJECT_NAME_NOT_FOUND, "no such file");
                    }
                    action = ACTION_OVERWRITTEN;
                }
                case FILE_OVERWRITE_IF -> action = exists ? ACTION_OVERWRITTEN : ACTION_CREATED;
                default -> action = exists ? ACTION_SUPERSEDED : ACTION_CREATED;
            }
            if (isDirectory && (action == ACTION_OVERWRITTEN || action == ACTION_SUPERSEDED)) {
                throw new StatusException(NtStatus.FILE_IS_A_DIRECTORY, "cannot overwrite a directory");
            }
            FileChannel channel = null;
            if (action == ACTION_CREATED && wantsDirectory) {
                try {
                    Files.createDirectory(path);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another open created it since the check above: FILE_OPEN_IF opens the directory it made
                    if (disposition != FILE_OPEN_IF || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        throw raced;
                    }
                    action = ACTION_OPENED;
                }
                isDirectory = true;
            } else if (!isDirectory) {
                Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
                if (action == ACTION_CREATED) {
                    options.add(StandardOpenOption.CREATE_NEW);
                }
                if (action == ACTION_OVERWRITTEN || action == ACTION_SUPERSEDED) {
                    options.add(StandardOpenOption.TRUNCATE_EXISTING);
                }
                channel = FileChannel.open(path, options.toArray(new java.nio.file.OpenOption[0]));
            }
            FileId fileId = new FileId(RANDOM.nextLong(), RANDOM.nextLong());
            OpenFile open = new OpenFile(fileId, tree, path, channel, grantedAccess(request.desiredAccess()),
                    (request.createOptions() & FILE_DELETE_ON_CLOSE) != 0);
            session.opens.put(fileId.volatileId(), open);
            BasicFileAttributes attributes = attributes(path);
            return new CreateResponse(0, 0, action, time(attributes.creationTime()), time(attributes.lastAccessTime()),
                    time(attributes.lastModifiedTime()), time(attributes.lastModifiedTime()), allocation(attributes),
                    isDirectory ? 0 : attributes.size(), fileAttributes(attributes), fileId, List.of());
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
    }

    static OpenFile open(ServerSession session, ServerSession.TreeConnect tree, FileId fileId) throws StatusException {
        OpenFile open = session.opens.get(fileId.volatileId());
        if (open == null || open.fileId.persistent() != fileId.persistent() || open.tree != tree) {
            throw new StatusException(NtStatus.FILE_CLOSED, "no such open");
        }
        return open;
    }

    /**
     * [MS-SMB2] 3.3.5.9: what an open is granted. The share grants everything to an authenticated user, so the open
     * gets what it asked for, with the generic rights mapped to the file rights they stand for ([MS-SMB2]
     * 2.2.13.1.1) and MAXIMUM_ALLOWED meaning all of them.
     */
    static int grantedAccess(int desired) {
        int granted = desired & FILE_ALL_ACCESS;
        if ((desired & (MAXIMUM_ALLOWED | GENERIC_ALL)) != 0) {
            granted |= FILE_ALL_ACCESS;
        }
        if ((desired & GENERIC_READ) != 0) {
            granted |= 0x00120089; // FILE_GENERIC_READ
        }
        if ((desired & GENERIC_WRITE) != 0) {
            granted |= 0x00120116; // FILE_GENERIC_WRITE
        }
        if ((desired & GENERIC_EXECUTE) != 0) {
            granted |= 0x001200A0; // FILE_GENERIC_EXECUTE
        }
        return granted;
    }

    static ReadResponse read(OpenFile open, ReadRequest request, long maxRead) throws StatusException {
        if (open.isDirectory()) {
            throw new StatusException(NtStatus.INVALID_DEVICE_REQUEST, "READ on a directory");
        }
        // [MS-SMB2] 3.3.5.12: reading needs FILE_READ_DATA (or FILE_EXECUTE, as Windows allows)
        if (!open.mayAny(FILE_READ_DATA | FILE_EXECUTE)) {
            throw new StatusException(NtStatus.ACCESS_DENIED, "open without FILE_READ_DATA");
        }
        if (request.length() > maxRead) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "READ longer than MaxReadSize");
        }
        // a range that reaches 2^63 or more is in no file
        if (request.offset() < 0 || request.offset() + request.length() < 0) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "READ past 2^63");
        }
        try {
            long size = open.channel.size();
            if (request.offset() >= size && request.length() > 0) {
                throw new StatusException(NtStatus.END_OF_FILE, "offset at or past the end");
            }
            // a zero-length READ past the end gets here too: it reads nothing
            int wanted = (int) Math.min(request.length(), Math.max(0, size - request.offset()));
            // the data goes straight to its place in the response, which the encoder then writes around
            byte[] response = new byte[ReadResponse.DATA_OFFSET + wanted];
            ByteBuffer buffer = ByteBuffer.wrap(response, ReadResponse.DATA_OFFSET, wanted).slice();
            while (buffer.hasRemaining()) {
                if (open.channel.read(buffer, request.offset() + buffer.position()) < 0) {
                    break;
                }
            }
            int read = buffer.position();
            if (read < request.minimumCount()) {
                throw new StatusException(NtStatus.END_OF_FILE, "less than MinimumCount");
            }
            open.position = request.offset() + read;
            return new ReadResponse(0, 0, Bytes.payloadOf(response, ReadResponse.DATA_OFFSET, read));
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
    }

    static WriteResponse write(OpenFile open, WriteRequest request, long maxWrite) throws StatusException {
        if (open.isDirectory()) {
            throw new StatusException(NtStatus.INVALID_DEVICE_REQUEST, "WRITE on a directory");
        }
        // [MS-SMB2] 3.3.5.13: writing needs FILE_WRITE_DATA or FILE_APPEND_DATA
        if (!open.mayAny(FILE_WRITE_DATA | FILE_APPEND_DATA)) {
            throw new StatusException(NtStatus.ACCESS_DENIED, "open without FILE_WRITE_DATA");
        }
        if (request.data().length() > maxWrite) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "WRITE longer than MaxWriteSize");
        }
        if (request.offset() < 0 || request.offset() + request.data().length() < 0) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "WRITE past 2^63");
        }
        try {
            ByteBuffer data = request.data().asReadOnlyBuffer();
            long offset = request.offset();
            while (data.hasRemaining()) {
                offset += open.channel.write(data, offset);
            }
            open.position = offset;
            return new WriteResponse(request.data().length(), 0);
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
    }

    static void flush(OpenFile open) throws StatusException {
        try {
            if (!open.isDirectory()) {
                open.channel.force(false);
            }
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
    }

    static CloseResponse close(ServerSession session, OpenFile open, CloseRequest request) throws StatusException {
        session.opens.remove(open.fileId.volatileId());
        try {
            if (open.channel != null) {
                open.channel.close();
            }
            if (open.deleteOnClose) {
                Files.deleteIfExists(open.path);
                return new CloseResponse(0, 0, 0, 0, 0, 0, 0, 0);
            }
            if ((request.flags() & CloseRequest.FLAG_POSTQUERY_ATTRIB) == 0) {
                return new CloseResponse(0, 0, 0, 0, 0, 0, 0, 0);
            }
            BasicFileAttributes attributes = attributes(open.path);
            return new CloseResponse(CloseRequest.FLAG_POSTQUERY_ATTRIB, time(attributes.creationTime()),
                    time(attributes.lastAccessTime()), time(attributes.lastModifiedTime()),
                    time(attributes.lastModifiedTime()), allocation(attributes),
                    attributes.isDirectory() ? 0 : attributes.size(), fileAttributes(attributes));
        } catch (IOException e) {
            throw SharePaths.translate(e);
        }
    }

    /** Closes an open whose client is gone (tree disconnect, logoff, lost connection). */
    static void closeQuietly(OpenFile open) {
        try {
            if (open.channel != null) {
                open.channel.close();
            }
            if (open.deleteOnClose) {
                Files.deleteIfExists(open.path);
            }
        } catch (IOException ignored) {
            // nobody is left to tell; what could be closed was
        }
    }

    static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static long time(java.nio.file.attribute.FileTime time) {
        return FileTimes.fromInstant(time.toInstant());
    }

    static long allocation(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? 0 : (attributes.size() + 4095) / 4096 * 4096;
    }

    static int fileAttributes(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? ATTRIBUTE_DIRECTORY : ATTRIBUTE_ARCHIVE;
    }
}
