package dev.smbq.client;

import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.FlushRequest;
import dev.smbq.smb2.message.LockElement;
import dev.smbq.smb2.message.LockRequest;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.QueryInfoResponse;
import dev.smbq.smb2.message.ReadRequest;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.SetInfoRequest;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.WriteResponse;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** An open file on a tree: READ, WRITE, FLUSH and CLOSE at most the negotiated maximum sizes at a time. */
public final class SmbFile implements AutoCloseable {
    private static final int FILE_END_OF_FILE_INFORMATION = 20;
    private static final int FILE_NETWORK_OPEN_INFORMATION = 34;
    private static final int NETWORK_OPEN_SIZE = 56;

    private final SmbTree tree;
    private final FileId fileId;
    private final String path;
    private final long size;
    private boolean closed;

    SmbFile(SmbTree tree, FileId fileId, String path, long size) {
        this.tree = tree;
        this.fileId = fileId;
        this.path = path;
        this.size = size;
    }

    FileId fileId() {
        return fileId;
    }

    /** The size when opened (EndofFile of the CREATE response). */
    public long size() {
        return size;
    }

    /** Reads up to {@code length} bytes at {@code offset}; an empty result means end of file. */
    public Bytes read(long offset, int length) throws SmbException {
        int chunk = (int) Math.min(length, tree.session().client().negotiated().maxReadSize());
        return dataOf(startRead(offset, chunk));
    }

    private ClientConnection.Exchange startRead(long offset, int length) throws SmbException {
        return tree.session().start(Command.READ, tree.id(),
                new ReadRequest(0x50, 0, length, offset, fileId, 0, 0, 0, Bytes.EMPTY), tree.encrypted());
    }

    /** The data of a READ's response; STATUS_END_OF_FILE is no data. */
    private Bytes dataOf(ClientConnection.Exchange read) throws SmbException {
        try {
            return ((ReadResponse) tree.session().finish(Command.READ, read).message().body()).data();
        } catch (SmbException e) {
            if (e.status().equals(NtStatus.END_OF_FILE)) {
                return Bytes.EMPTY;
            }
            throw e;
        }
    }

    /**
     * Writes all of {@code data} at {@code offset}: in pieces of {@link ClientOptions#pieceSize()} (at most the
     * negotiated maximum), with up to {@link ClientOptions#depth()} WRITEs outstanding, so the link stays busy while the server works.
     */
    public void write(long offset, Bytes data) throws SmbException {
        ClientOptions options = tree.session().client().options();
        int pieceSize = (int) Math.min(options.pieceSize(), tree.session().client().negotiated().maxWriteSize());
        Deque<ClientConnection.Exchange> inFlight = new ArrayDeque<>();
        Deque<Integer> sizes = new ArrayDeque<>();
        for (int position = 0; position < data.length() || !inFlight.isEmpty(); ) {
            if (position < data.length() && inFlight.size() < options.depth()) {
                int piece = Math.min(pieceSize, data.length() - position);
                inFlight.add(tree.session().start(Command.WRITE, tree.id(), new WriteRequest(offset + position, fileId, 0,
                        0, 0, data.slice(position, piece), Bytes.EMPTY), tree.encrypted()));
                sizes.add(piece);
                position += piece;
                continue;
            }
            WriteResponse response = (WriteResponse) tree.session().finish(Command.WRITE, inFlight.remove())
                    .message().body();
            if (response.count() != sizes.remove()) {
                throw new SmbException(NtStatus.DISK_FULL, "short write");
            }
        }
    }

    /**
     * Reads the whole file from the start into {@code sink}, with up to {@link ClientOptions#depth()} READs of
     * {@link ClientOptions#pieceSize()} outstanding; returns the bytes read.
     */
    public long readTo(OutputStream sink) throws SmbException, IOException {
        ClientOptions options = tree.session().client().options();
        int pieceSize = (int) Math.min(options.pieceSize(), tree.session().client().negotiated().maxReadSize());
        Deque<ClientConnection.Exchange> inFlight = new ArrayDeque<>();
        long next = 0;
        long received = 0;
        boolean end = false;
        while (true) {
            // keep READs going up to the size seen at open; past it, one at a time until a short read (it may grow)
            while (!end && inFlight.size() < options.depth() && (next < size || inFlight.isEmpty())) {
                inFlight.add(startRead(next, pieceSize));
                next += pieceSize;
            }
            if (inFlight.isEmpty()) {
                return received;
            }
            Bytes data = dataOf(inFlight.remove());
            data.writeTo(sink);
            received += data.length();
            end |= data.length() < pieceSize;
        }
    }

    /** Locks a byte range ([MS-SMB2] 3.2.4.19), shared or exclusive; fails at once if it is held. */
    public void lock(long offset, long length, boolean exclusive) throws SmbException {
        int flags = lockKind(exclusive) | LockElement.FAIL_IMMEDIATELY;
        tree.session().finish(Command.LOCK, startLock(offset, length, flags));
    }

    /**
     * Locks a byte range, waiting on the server while another open holds a conflicting lock; the server answers at
     * once with STATUS_PENDING. Await or cancel the returned request.
     */
    public PendingLock lockWhenFree(long offset, long length, boolean exclusive) throws SmbException {
        return new PendingLock(tree, startLock(offset, length, lockKind(exclusive)));
    }

    public void unlock(long offset, long length) throws SmbException {
        tree.session().finish(Command.LOCK, startLock(offset, length, LockElement.UNLOCK));
    }

    private static int lockKind(boolean exclusive) {
        return exclusive ? LockElement.EXCLUSIVE_LOCK : LockElement.SHARED_LOCK;
    }

    private ClientConnection.Exchange startLock(long offset, long length, int flags) throws SmbException {
        return tree.session().start(Command.LOCK, tree.id(),
                new LockRequest(0, fileId, List.of(new LockElement(offset, length, flags))), tree.encrypted());
    }

    /**
     * The file's size, kind and time now, asked with QUERY_INFO ([MS-FSCC] 2.4.29 FileNetworkOpenInformation);
     * {@code name} is the path it was opened with.
     */
    public DirectoryEntry info() throws SmbException {
        QueryInfoResponse response = (QueryInfoResponse) tree.session().request(Command.QUERY_INFO, tree.id(),
                new QueryInfoRequest(QueryInfoRequest.INFO_FILE, FILE_NETWORK_OPEN_INFORMATION, NETWORK_OPEN_SIZE, 0, 0,
                        fileId, Bytes.EMPTY), tree.encrypted()).message().body();
        try {
            WireReader in = WireReader.of(response.output());
            in.skip(16); // CreationTime, LastAccessTime
            long lastWrite = in.u64();
            in.skip(16); // ChangeTime, AllocationSize
            long endOfFile = in.u64();
            int attributes = in.u32();
            return new DirectoryEntry(path, endOfFile, (attributes & SmbTree.ATTRIBUTE_DIRECTORY) != 0,
                    FileTimes.toInstant(lastWrite));
        } catch (SmbDecodeException e) {
            throw new SmbException(NtStatus.INVALID_NETWORK_RESPONSE, "malformed FileNetworkOpenInformation");
        }
    }

    /**
     * Sets the end of file ([MS-FSCC] 2.4.14 FileEndOfFileInformation): truncates, or extends with zeros (sparsely
     * where the server's file system can).
     */
    public void setLength(long length) throws SmbException {
        byte[] info = new byte[8];
        WireWriter.of(info).u64(length);
        tree.session().request(Command.SET_INFO, tree.id(), new SetInfoRequest(QueryInfoRequest.INFO_FILE,
                FILE_END_OF_FILE_INFORMATION, 0, fileId, Bytes.wrap(info)), tree.encrypted());
    }

    public void flush() throws SmbException {
        tree.session().request(Command.FLUSH, tree.id(), new FlushRequest(fileId), tree.encrypted());
    }

    @Override
    public void close() throws SmbException {
        if (!closed) {
            closed = true;
            tree.session().request(Command.CLOSE, tree.id(), new CloseRequest(0, fileId), tree.encrypted());
        }
    }
}
