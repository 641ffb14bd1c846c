package dev.smbq.client;

import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.QueryDirectoryRequest;
import dev.smbq.smb2.message.QueryDirectoryResponse;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.SetInfoRequest;
import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import dev.smbq.smb2.message.CreateResponse;
import dev.smbq.smb2.message.TreeDisconnectRequest;
import java.util.List;
import dev.smbq.smb2.spec.Command;

/** A tree connect: one share of the server on one session. */
public final class SmbTree {
    private static final int FILE_OPEN = 1;
    private static final int FILE_OVERWRITE_IF = 5;
    private static final int FILE_NON_DIRECTORY_FILE = 0x40;
    private static final int IMPERSONATION = 2;
    /** FILE_READ_DATA, FILE_WRITE_DATA, FILE_APPEND_DATA, attributes and READ_CONTROL/SYNCHRONIZE. */
    private static final int GENERIC_READ_WRITE = 0x0012019F;
    private static final int SHARE_ALL = 0x7;
    private static final int FILE_CREATE = 2;
    private static final int FILE_DIRECTORY_FILE = 0x1;
    private static final int FILE_DELETE_ON_CLOSE = 0x1000;
    private static final int READ_ATTRIBUTES = 0x00100080;
    private static final int LIST_DIRECTORY = 0x00100081;
    private static final int DELETE = 0x00110080;
    static final int ATTRIBUTE_DIRECTORY = 0x10;
    private static final int FILE_ID_BOTH_DIRECTORY_INFORMATION = 37;
    private static final int FILE_RENAME_INFORMATION = 10;

    private final SmbSession session;
    private final int id;
    private final boolean encryptData;

    SmbTree(SmbSession session, int id, boolean encryptData) {
        this.session = session;
        this.id = id;
        this.encryptData = encryptData;
    }

    public int id() {
        return id;
    }

    /** Whether requests on this tree go out encrypted (the session's or the share's requirement). */
    public boolean encrypted() {
        return encryptData;
    }

    SmbSession session() {
        return session;
    }

    /** Opens an existing file for reading and writing. */
    public SmbFile open(String path) throws SmbException {
        return create(path, FILE_OPEN);
    }

    /** Creates a file, or truncates an existing one, for writing and reading. */
    public SmbFile create(String path) throws SmbException {
        return create(path, FILE_OVERWRITE_IF);
    }

    private SmbFile create(String path, int disposition) throws SmbException {
        CreateResponse response = createRequest(path, GENERIC_READ_WRITE, disposition, FILE_NON_DIRECTORY_FILE);
        return new SmbFile(this, response.fileId(), path, response.endOfFile());
    }

    private CreateResponse createRequest(String path, int access, int disposition, int options) throws SmbException {
        return (CreateResponse) session.request(Command.CREATE, id, new CreateRequest(0, 0, IMPERSONATION, 0, access, 0,
                SHARE_ALL, disposition, options, smbPath(path), List.of()), encryptData).message().body();
    }

    private static String smbPath(String path) {
        String smb = path.replace('/', '\\');
        while (smb.startsWith("\\")) {
            smb = smb.substring(1);
        }
        return smb;
    }

    private void close(FileId fileId) throws SmbException {
        session.request(Command.CLOSE, id, new CloseRequest(0, fileId), encryptData);
    }

    /** The size, kind and time of one file or directory. */
    public DirectoryEntry stat(String path) throws SmbException {
        CreateResponse response = createRequest(path, READ_ATTRIBUTES, FILE_OPEN, 0);
        close(response.fileId());
        String name = smbPath(path);
        return new DirectoryEntry(name.substring(name.lastIndexOf('\\') + 1), response.endOfFile(),
                (response.fileAttributes() & ATTRIBUTE_DIRECTORY) != 0, FileTimes.toInstant(response.lastWriteTime()));
    }

    /** The entries of a directory ([MS-SMB2] 3.2.4.17), without "." and "..". */
    public List<DirectoryEntry> list(String path) throws SmbException {
        CreateResponse directory = createRequest(path, LIST_DIRECTORY, FILE_OPEN, FILE_DIRECTORY_FILE);
        List<DirectoryEntry> entries = new ArrayList<>();
        try {
            boolean first = true;
            while (true) {
                QueryDirectoryResponse response;
                try {
                    response = (QueryDirectoryResponse) session.request(Command.QUERY_DIRECTORY, id,
                            new QueryDirectoryRequest(FILE_ID_BOTH_DIRECTORY_INFORMATION,
                                    first ? QueryDirectoryRequest.FLAG_RESTART_SCANS : 0, 0, directory.fileId(), "*",
                                    65536), encryptData).message().body();
                } catch (SmbException e) {
                    if (e.status().equals(NtStatus.NO_MORE_FILES) || e.status().equals(NtStatus.NO_SUCH_FILE)) {
                        break;
                    }
                    throw e;
                }
                first = false;
                entries.addAll(parseDirectory(response.output()));
            }
        } finally {
            close(directory.fileId());
        }
        entries.removeIf(entry -> entry.name().equals(".") || entry.name().equals(".."));
        return entries;
    }

    /** [MS-FSCC] 2.4.17 FileIdBothDirectoryInformation entries, linked by NextEntryOffset. */
    private static List<DirectoryEntry> parseDirectory(Bytes output) throws SmbException {
        List<DirectoryEntry> entries = new ArrayList<>();
        try {
            long offset = 0;
            while (true) {
                WireReader entry = WireReader.of(output).sub(offset, output.length() - offset);
                long next = entry.u32Unsigned();
                entry.skip(4 + 16); // FileIndex, CreationTime, LastAccessTime
                long lastWrite = entry.u64();
                entry.skip(8);
                long size = entry.u64();
                entry.skip(8);
                int attributes = entry.u32();
                long nameLength = entry.u32Unsigned();
                entry.position(104);
                String name = new String(entry.bytes(nameLength).toByteArray(), StandardCharsets.UTF_16LE);
                entries.add(new DirectoryEntry(name, size, (attributes & ATTRIBUTE_DIRECTORY) != 0,
                        FileTimes.toInstant(lastWrite)));
                if (next == 0) {
                    return entries;
                }
                offset += next;
            }
        } catch (SmbDecodeException e) {
            throw new SmbException(NtStatus.INVALID_NETWORK_RESPONSE, "malformed directory listing: " + e.getMessage());
        }
    }

    public void mkdir(String path) throws SmbException {
        close(createRequest(path, GENERIC_READ_WRITE, FILE_CREATE, FILE_DIRECTORY_FILE).fileId());
    }

    /** Deletes a file or an empty directory (delete-on-close, as Windows does). */
    public void remove(String path) throws SmbException {
        close(createRequest(path, DELETE, FILE_OPEN, FILE_DELETE_ON_CLOSE).fileId());
    }

    /** Renames {@code path} to {@code newPath} (both inside the share), replacing nothing. */
    public void rename(String path, String newPath) throws SmbException {
        CreateResponse open = createRequest(path, DELETE, FILE_OPEN, 0);
        try {
            byte[] name = smbPath(newPath).getBytes(StandardCharsets.UTF_16LE);
            byte[] info = new byte[20 + name.length];
            WireWriter.of(info).u8(0).zeros(7).u64(0).u32(name.length).bytes(name);
            session.request(Command.SET_INFO, id, new SetInfoRequest(QueryInfoRequest.INFO_FILE,
                    FILE_RENAME_INFORMATION, 0, open.fileId(), Bytes.wrap(info)), encryptData);
        } finally {
            close(open.fileId());
        }
    }

    public void disconnect() throws SmbException {
        session.request(Command.TREE_DISCONNECT, id, new TreeDisconnectRequest(), encryptData);
    }
}
