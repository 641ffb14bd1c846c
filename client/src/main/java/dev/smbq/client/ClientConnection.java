package dev.smbq.client;

import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.crypto.IntegrityCheckException;
import dev.smbq.smb2.message.CancelRequest;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection: assigns MessageIds within the credits the server granted, signs or encrypts each
 * request as its session requires, and matches responses (decrypted, signature-checked) to their requests.
 */
final class ClientConnection implements MessageListener {
    /** WRITEs of at least this much data are sent in pieces; below it, one small copy costs less than two buffers. */
    private static final int PIECES_FROM = 64 * 1024;
    /** How long a response may be overdue with nothing at all arriving before the connection is probed. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(2);

    private final SmbChannel channel;
    private final ClientOptions options;
    private final String connectionName;
    private final Map<Long, CompletableFuture<Received>> pending = new ConcurrentHashMap<>();
    private final Map<Long, ClientSessionState> sessions = new ConcurrentHashMap<>();
    /** AsyncIds of requests the server answered STATUS_PENDING, by MessageId (3.2.5.1.5). */
    private final Map<Long, Long> asyncIds = new ConcurrentHashMap<>();
    private final Object creditLock = new Object();
    private long nextMessageId;
    private long credits = 1;
    private volatile Throwable closedBy;
    /** When a message last arrived or a probe last went out: the connection has been quiet since. */
    private final AtomicLong quietSinceNanos = new AtomicLong(System.nanoTime());

    /**
     * A response as it arrived.
     *
     * @param message   the decoded response
     * @param raw       its bytes as they arrived (as hashed for pre-auth integrity, signature included)
     * @param encrypted whether it came inside a TRANSFORM_HEADER
     */
    record Received(Smb2Message message, Bytes raw, boolean encrypted) {
        NtStatus status() {
            return message.header().ntStatus();
        }

        /** A copy of {@link #raw}: the negotiation and session setup steps take arrays. */
        byte[] bytes() {
            return raw.toByteArray();
        }
    }

    /** A request that went out, and its response to come. */
    record Exchange(byte[] requestBytes, CompletableFuture<Received> response) {
        long messageId() {
            return WireReader.of(requestBytes).position(24).u64();
        }
    }

    ClientConnection(SmbChannel channel, ClientOptions options) {
        this.channel = channel;
        this.options = options;
        this.connectionName = channel.info().describePeer();
        channel.start(this);
    }

    SmbChannel channel() {
        return channel;
    }

    void register(ClientSessionState session) {
        sessions.put(session.id, session);
    }

    void unregister(long sessionId) {
        sessions.remove(sessionId);
    }

    /**
     * Sends one request; {@code session} (may be null) signs or encrypts it as {@code protection} says. Blocks while
     * the server has granted no credit.
     */
    Exchange send(Smb2Header template, Smb2Body body, ClientSessionState session, Protection protection)
            throws SmbException {
        int charge = creditCharge(body);
        long messageId = takeCredits(charge);
        // ask for more than this request pays, so large READs and WRITEs keep enough credits in hand
        Smb2Header header = template.withMessageId(messageId).withCredits(charge, Math.max(64, charge + 32));
        CompletableFuture<Received> response = new CompletableFuture<>();
        pending.put(messageId, response);
        byte[] bytes = transmit(header, body, session, protection);
        if (closedBy != null) {
            response.completeExceptionally(closedBy);
        }
        return new Exchange(bytes, response);
    }

    /**
     * Sends a request someone else encoded (the NEGOTIATE, whose exact bytes the negotiator hashes); it must carry
     * the next MessageId.
     */
    Exchange sendPrepared(byte[] bytes) throws SmbException {
        long messageId = takeCredits(1);
        long carried = WireReader.of(bytes).position(24).u64();
        if (carried != messageId) {
            throw new IllegalStateException("prepared request has MessageId " + carried + ", expected " + messageId);
        }
        CompletableFuture<Received> response = new CompletableFuture<>();
        pending.put(messageId, response);
        Bytes wire = Bytes.wrap(bytes.clone());
        options.trace().message(connectionName, MessageTrace.Direction.SENT, wire, wire);
        channel.send(wire);
        return new Exchange(bytes, response);
    }

    /** How one request is protected. */
    enum Protection { NONE, SIGN, ENCRYPT }

    Received await(Exchange exchange) throws SmbException {
        return await(exchange, options.requestTimeout());
    }

    /**
     * Waits up to {@code timeout} for a response: requests that went async may take longer than most. While it waits
     * and nothing arrives, the connection is probed every {@link #PROBE_AFTER} ({@link #probe}).
     */
    Received await(Exchange exchange, Duration timeout) throws SmbException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SmbException(NtStatus.INVALID_NETWORK_RESPONSE, "no response within " + timeout);
                }
                try {
                    return exchange.response().get(Math.min(left, PROBE_AFTER.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    probe();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmbException(NtStatus.CANCELLED, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SmbException refused) {
                throw refused; // e.g. a response whose signature did not verify
            }
            throw new SmbException(NtStatus.INVALID_NETWORK_RESPONSE, "connection failed", e.getCause());
        }
    }

    /**
     * Sends an ECHO, with which a client checks that the server is still processing requests ([MS-SMB2] 2.2.28), when
     * nothing has arrived for {@link #PROBE_AFTER}: at most once per that time, only with a credit to spare, and only
     * once a session exists, since a server may disconnect a connection without one that sends ECHO (3.3.5.17). It goes
     * unsigned with SessionId 0, which a server answers without checking a session (3.3.5.17); its response is
     * dropped, its credits counted.
     *
     * <p>Besides telling a slow server from a silent one, the probe is new data on the stream in both directions.
     * Under heavy loss, quiche was seen to keep the last WRITE of an upload in its send buffer, unsent, until the
     * application wrote again, and kwik stalled at the same point. Writing the ECHO, and the server writing its
     * response, sets them going.
     */
    private void probe() {
        long now = System.nanoTime();
        long quietSince = quietSinceNanos.get();
        if (closedBy != null || sessions.isEmpty() || now - quietSince < PROBE_AFTER.toNanos()
                || !quietSinceNanos.compareAndSet(quietSince, now)) {
            return; // not quiet long enough, or another waiting thread probes
        }
        long messageId;
        synchronized (creditLock) {
            if (credits < 1) {
                return; // every credit is out with requests: their responses will bring more
            }
            messageId = claimCredits(1);
        }
        transmit(Smb2Header.request(Command.ECHO, messageId), new EchoRequest(), null, Protection.NONE);
    }

    /**
     * [MS-SMB2] 3.2.4.24: asks the server to cancel a request; CANCEL takes no credit and is never answered, the
     * request itself ends (with STATUS_CANCELLED if it was still running). Once the server answered STATUS_PENDING the
     * CANCEL names the request by its AsyncId, before that by its MessageId.
     */
    void cancel(Exchange exchange, ClientSessionState session, Protection protection) {
        long messageId = exchange.messageId();
        Smb2Header header = Smb2Header.request(Command.CANCEL, messageId).withSession(session.id, 0).withCredits(0, 0);
        Long asyncId = asyncIds.get(messageId);
        transmit(asyncId != null ? header.toAsync(asyncId) : header, new CancelRequest(), session, protection);
    }

    /**
     * Encodes, signs or seals as {@code protection} says, and sends; returns the request as encoded and signed (of a
     * WRITE sent in pieces, its header and fixed part).
     */
    private byte[] transmit(Smb2Header header, Smb2Body body, ClientSessionState session, Protection protection) {
        if (protection == Protection.SIGN) {
            header = header.withFlags(header.flags() | HeaderFlags.SIGNED);
        }
        if (body instanceof WriteRequest write && protection != Protection.ENCRYPT
                && write.writeChannelInfo().isEmpty() && write.data().length() >= PIECES_FROM) {
            return transmitInPieces(header, write, session, protection);
        }
        byte[] bytes = Smb2Codec.encode(new Smb2Message(header, body));
        if (protection == Protection.SIGN) {
            synchronized (session.signer) { // a signer is not thread-safe, and several threads may send
                session.signer.sign(bytes, 0, bytes.length);
            }
        }
        Bytes plaintext = Bytes.wrap(bytes);
        Bytes wire = protection == Protection.ENCRYPT ? session.sealer.seal(bytes, 0, bytes.length, session.id)
                : plaintext;
        options.trace().message(connectionName, MessageTrace.Direction.SENT, wire, plaintext);
        channel.send(wire);
        return bytes;
    }

    /**
     * A large unencrypted WRITE goes out as its header and fixed part followed by the data where the caller holds it:
     * signed over both pieces, sent without joining them (the transport copies once, into its own buffers).
     */
    private byte[] transmitInPieces(Smb2Header header, WriteRequest write, ClientSessionState session,
                                    Protection protection) {
        byte[] head = Smb2Codec.encodeWriteHead(header, write);
        if (protection == Protection.SIGN) {
            synchronized (session.signer) { // a signer is not thread-safe, and several threads may send
                session.signer.signPieces(head, write.data());
            }
        }
        List<Bytes> pieces = List.of(Bytes.wrap(head), write.data());
        if (options.trace() != MessageTrace.NONE) {
            Bytes whole = Bytes.concat(pieces);
            options.trace().message(connectionName, MessageTrace.Direction.SENT, whole, whole);
        }
        channel.send(pieces);
        return head;
    }

    /**
     * [MS-SMB2] 3.2.4.1.5: a READ or WRITE pays one credit per 64 KiB started, and takes that many consecutive
     * MessageIds.
     */
    private static int creditCharge(Smb2Body body) {
        long payload = body instanceof dev.smbq.smb2.message.ReadRequest read ? read.length()
                : body instanceof dev.smbq.smb2.message.WriteRequest write ? write.data().length() : 0;
        return (int) Math.max(1, (payload + 65535) / 65536);
    }

    private long takeCredits(int charge) throws SmbException {
        synchronized (creditLock) {
            long deadline = System.nanoTime() + options.requestTimeout().toNanos();
            while (credits < charge) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || closedBy != null) {
                    throw new SmbException(NtStatus.INSUFFICIENT_RESOURCES, "no credits granted");
                }
                try {
                    creditLock.wait(Math.max(1, wait / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SmbException(NtStatus.CANCELLED, "interrupted");
                }
            }
            return claimCredits(charge);
        }
    }

    /** Spends {@code charge} credits on as many MessageIds, the first returned; holds the credit lock. */
    private long claimCredits(int charge) {
        credits -= charge;
        long first = nextMessageId;
        nextMessageId += charge;
        return first;
    }

    private void grant(int granted) {
        synchronized (creditLock) {
            credits += granted;
            creditLock.notifyAll();
        }
    }

    @Override
    public void onMessage(SmbChannel source, Bytes message) {
        quietSinceNanos.set(System.nanoTime());
        try {
            Smb2Codec.ProtocolKind kind = Smb2Codec.protocolOf(message);
            if (kind != Smb2Codec.ProtocolKind.TRANSFORM) {
                options.trace().message(connectionName, MessageTrace.Direction.RECEIVED, message, message);
            }
            switch (kind) {
                case TRANSFORM -> deliver(unseal(message), true);
                case SMB2 -> deliver(message, false);
                default -> throw new SmbDecodeException(dev.smbq.smb2.wire.DecodeAction.DISCONNECT,
                        NtStatus.INVALID_NETWORK_RESPONSE, "not an SMB2 response");
            }
        } catch (IntegrityCheckException | SmbDecodeException e) {
            fail(e);
            channel.closeGracefully();
        }
    }

    /** Decrypts a transform with its session's key, and traces it with what it held. */
    private Bytes unseal(Bytes transform) throws IntegrityCheckException {
        Bytes plaintext = transform;
        try {
            ClientSessionState session = sessions.get(WireReader.of(transform).position(44).u64());
            if (session == null || session.unsealer == null) {
                throw new IntegrityCheckException("transform for an unknown session");
            }
            plaintext = session.unsealer.unseal(transform);
            return plaintext;
        } finally {
            options.trace().message(connectionName, MessageTrace.Direction.RECEIVED, transform, plaintext);
        }
    }

    private void deliver(Bytes chain, boolean encrypted) {
        List<Bytes> elements = CompoundChain.split(chain);
        for (Bytes element : elements) {
            Smb2Message message = Smb2Codec.decode(element);
            Smb2Header header = message.header();
            grant(header.creditRequestResponse());
            if (header.isAsync() && header.ntStatus().equals(NtStatus.PENDING)) {
                asyncIds.put(header.messageId(), header.asyncId());
                continue; // an interim response: the final one follows
            }
            asyncIds.remove(header.messageId());
            ClientSessionState session = sessions.get(header.sessionId());
            // [MS-SMB2] 3.2.5.1.3: verify signed responses of a signing session, unless they came encrypted
            if (!encrypted && session != null && session.verifier != null && (header.isSigned() || session.signingRequired)
                    && !(header.isSigned() && verify(session, element))) {
                CompletableFuture<Received> waiting = pending.remove(header.messageId());
                if (waiting != null) {
                    waiting.completeExceptionally(new SmbException(NtStatus.ACCESS_DENIED, "bad or missing signature"));
                }
                continue;
            }
            CompletableFuture<Received> waiting = pending.remove(header.messageId());
            if (waiting != null) {
                waiting.complete(new Received(message, element, encrypted));
            }
        }
    }

    private static boolean verify(ClientSessionState session, Bytes message) {
        synchronized (session.verifier) {
            return session.verifier.verify(message);
        }
    }

    @Override
    public void onClosed(SmbChannel source, Throwable cause) {
        fail(cause == null ? new SmbException(NtStatus.NETWORK_NAME_DELETED, "connection closed") : cause);
    }

    private void fail(Throwable cause) {
        closedBy = cause;
        pending.values().forEach(future -> future.completeExceptionally(cause));
        pending.clear();
        synchronized (creditLock) {
            creditLock.notifyAll();
        }
    }
}
