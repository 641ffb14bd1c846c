package dev.smbq.client;

import dev.smbq.smb2.message.CreateRequest;
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
    private static final int SHARE_READ_WRITE = 0x3;

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
        CreateResponse response = (CreateResponse) session.request(Command.CREATE, id, new CreateRequest(0, 0,
                IMPERSONATION, 0, GENERIC_READ_WRITE, 0, SHARE_READ_WRITE, disposition, FILE_NON_DIRECTORY_FILE,
                path.replace('/', '\\'), List.of()), encryptData).message().body();
        return new SmbFile(this, response.fileId(), response.endOfFile());
    }

    public void disconnect() throws SmbException {
        session.request(Command.TREE_DISCONNECT, id, new TreeDisconnectRequest(), encryptData);
    }
}
