package dev.smbq.server;

import dev.smbq.smb2.auth.AuthStep;
import dev.smbq.smb2.auth.AuthenticatedUser;
import dev.smbq.smb2.auth.AuthenticationException;
import dev.smbq.smb2.auth.NtlmServer;
import dev.smbq.smb2.auth.SpnegoServer;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.crypto.IntegrityCheckException;
import dev.smbq.smb2.crypto.SessionKeys;
import dev.smbq.smb2.crypto.SessionPreauth;
import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;
import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.CreateResponse;
import dev.smbq.smb2.message.EchoResponse;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.FlushRequest;
import dev.smbq.smb2.message.FlushResponse;
import dev.smbq.smb2.message.IoctlRequest;
import dev.smbq.smb2.message.LockElement;
import dev.smbq.smb2.message.LockRequest;
import dev.smbq.smb2.message.LockResponse;
import dev.smbq.smb2.message.QueryDirectoryRequest;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.ReadRequest;
import dev.smbq.smb2.message.SetInfoRequest;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.LogoffResponse;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.SessionSetupResponse;
import dev.smbq.smb2.message.Smb2Body;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.TransformHeader;
import dev.smbq.smb2.message.TreeConnectRequest;
import dev.smbq.smb2.message.TreeConnectResponse;
import dev.smbq.smb2.message.TreeDisconnectResponse;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.negotiate.PreauthIntegrityHash;
import dev.smbq.smb2.negotiate.ServerNegotiation;
import dev.smbq.smb2.negotiate.ServerNegotiator;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.trace.MessageTrace;
import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DecodeAction;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * [MS-SMB2] 3.3 server processing for one connection: NEGOTIATE, session setup with its pre-auth hash, keys,
 * signing and encryption, tree connects, and the commands on them. Messages are handled one at a time, in order,
 * on the connection's worker; a message that breaks the framing, the credit window or the encryption closes this
 * connection and only this one.
 */
final class ServerConnection implements MessageListener {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** SessionId and TreeId of a related request that means "the same as the request before" (3.2.4.1.4). */
    private static final long RELATED_ID = -1L;
    private static final int TREE_MAXIMAL_ACCESS = 0x001F01FF;
    private static final int LOGGED_OFF_REMEMBERED = 16;
    /** Beyond this many waiting locks on one connection, a conflicting lock fails at once instead of waiting. */
    private static final int MAX_WAITING_LOCKS = 256;

    private final ServerConfig config;
    private final SmbChannel channel;
    private final String connectionName;
    private final Executor worker;
    private final ServerNegotiator negotiator;
    private final CreditWindow credits;
    private final ByteRangeLocks locks;
    private final Consumer<RuntimeException> internalErrors;
    private final Map<Long, ServerSession> sessions = new HashMap<>();
    /**
     * Sessions ended by LOGOFF, the most recent few: a later signed request on one is answered
     * STATUS_USER_SESSION_DELETED signed with its key, as Samba does and its client expects.
     */
    private final Map<Long, ServerSession> loggedOff = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ServerSession> eldest) {
            return size() > LOGGED_OFF_REMEMBERED;
        }
    };
    /** Requests answered STATUS_PENDING whose final response is still to come, by AsyncId (3.3.4.2). */
    private final Map<Long, AsyncLock> waitingLocks = new HashMap<>();
    private long nextAsyncId = 1;
    private NegotiatedParameters negotiated;
    private boolean upgradedFromSmb1;

    /**
     * @param internalErrors told of every exception the handling of a message did not expect (a bug), after which
     *                       this connection closes
     */
    ServerConnection(ServerConfig config, SmbChannel channel, Executor worker, ByteRangeLocks locks,
                     Consumer<RuntimeException> internalErrors) {
        this.config = config;
        this.internalErrors = internalErrors;
        this.locks = locks;
        this.channel = channel;
        this.connectionName = channel.info().describePeer();
        this.worker = worker;
        this.credits = new CreditWindow(config.limits().maxCredits());
        byte[] hint = dev.smbq.smb2.auth.SpnegoServer.negotiateHint();
        this.negotiator = new ServerNegotiator(config.negotiation(), channel.info().kind(), config.serverGuid(),
                Bytes.wrap(hint), RANDOM, Clock.systemUTC());
    }

    SmbChannel channel() {
        return channel;
    }

    @Override
    public void onMessage(SmbChannel source, Bytes message) {
        worker.execute(() -> {
            try {
                handle(message);
            } catch (Disconnect reason) {
                channel.closeGracefully();
            } catch (RuntimeException unexpected) {
                // a bug must not take the server down: this connection ends, the others go on
                internalErrors.accept(unexpected);
                channel.closeGracefully();
            }
        });
    }

    @Override
    public void onClosed(SmbChannel source, Throwable cause) {
        worker.execute(() -> {
            waitingLocks.clear(); // nobody is left to tell how they end
            sessions.values().forEach(this::dropOpens);
            sessions.clear();
        });
    }

    /** Ends this connection. */
    private static final class Disconnect extends RuntimeException {
        Disconnect(String message) {
            super(message, null, false, false);
        }
    }

    private void handle(Bytes message) {
        Smb2Codec.ProtocolKind kind = Smb2Codec.protocolOf(message);
        if (kind != Smb2Codec.ProtocolKind.TRANSFORM) {
            config.trace().message(connectionName, MessageTrace.Direction.RECEIVED, message, message);
        }
        switch (kind) {
            case SMB1 -> handleSmb1(message);
            case SMB2 -> handleChain(message, null);
            case TRANSFORM -> handleTransform(message);
            default -> throw new Disconnect("not an SMB2 message");
        }
    }

    /** [MS-SMB2] 3.3.5.3: the SMB1 multi-protocol NEGOTIATE, allowed only as the connection's first message. */
    private void handleSmb1(Bytes message) {
        if (negotiated != null || upgradedFromSmb1) {
            throw new Disconnect("SMB1 after negotiation");
        }
        ServerNegotiation outcome = negotiator.negotiateSmb1(message.toByteArray());
        if (outcome instanceof ServerNegotiation.Upgraded upgraded) {
            upgradedFromSmb1 = true;
            credits.consume(0, 1);
            credits.grant(1);
            transmit(Bytes.wrap(upgraded.response()));
        } else if (outcome instanceof ServerNegotiation.Accepted accepted) {
            negotiated = accepted.parameters();
            credits.consume(0, 1);
            credits.grant(1);
            transmit(Bytes.wrap(accepted.response()));
        } else {
            throw new Disconnect("SMB1 NEGOTIATE refused");
        }
    }

    /** [MS-SMB2] 3.3.5.2.1.1: decrypt, then handle what was inside as an encrypted request. */
    private void handleTransform(Bytes message) {
        if (negotiated == null || !negotiated.dialect().isSmb3()) {
            throw new Disconnect("transform before an SMB 3 dialect was negotiated");
        }
        if (message.length() < TransformHeader.SIZE) {
            throw new Disconnect("short transform");
        }
        long sessionId = WireReader.of(message).position(44).u64();
        ServerSession session = sessions.get(sessionId);
        if (session == null || session.unsealer == null) {
            throw new Disconnect("transform for an unknown session");
        }
        Bytes plaintext = message;
        try {
            plaintext = session.unsealer.unseal(message);
        } catch (IntegrityCheckException e) {
            throw new Disconnect(e.getMessage());
        } finally {
            config.trace().message(connectionName, MessageTrace.Direction.RECEIVED, message, plaintext);
        }
        if (Smb2Codec.protocolOf(plaintext) != Smb2Codec.ProtocolKind.SMB2) {
            throw new Disconnect("a transform must hold SMB2 messages");
        }
        handleChain(plaintext, session);
    }

    /** One response of a chain, with what it needs for signing. */
    private record Reply(Smb2Message message, ServerSession signWith, boolean mustSign) {
    }

    /**
     * A request or compound chain. {@code decryptedFor} is the session whose key decrypted it, or null for a plain
     * message; replies to an encrypted request are encrypted ([MS-SMB2] 3.3.4.1.4).
     */
    private void handleChain(Bytes chain, ServerSession decryptedFor) {
        List<Bytes> elements;
        try {
            elements = CompoundChain.split(chain);
        } catch (SmbDecodeException e) {
            throw new Disconnect(e.getMessage());
        }
        if (negotiated == null) {
            negotiate(elements, decryptedFor);
            return;
        }
        List<Reply> replies = new ArrayList<>(elements.size());
        RelatedState related = new RelatedState();
        related.inChain = elements.size() > 1;
        boolean encryptReplies = decryptedFor != null;
        ServerSession sealFor = decryptedFor;
        for (Bytes element : elements) {
            Smb2Header header;
            try {
                header = Smb2Codec.decodeHeader(element);
            } catch (SmbDecodeException e) {
                throw new Disconnect(e.getMessage());
            }
            if (header.isResponse()) {
                throw new Disconnect("a response sent to the server");
            }
            // [MS-SMB2] 3.3.5.2.3: the MessageId must lie in the command sequence window and be unused
            if (!header.command().equals(Command.CANCEL)
                    && !credits.consume(header.messageId(), chargeOf(header))) {
                throw new Disconnect("MessageId " + header.messageId() + " outside the credit window");
            }
            Reply reply = handleElement(element, header, decryptedFor != null, related);
            if (reply == null) {
                continue; // CANCEL and the like have no reply
            }
            replies.add(reply);
            ServerSession session = sessions.get(reply.message().header().sessionId());
            if (session != null && session.encryptData && !reply.message().header().command().equals(Command.SESSION_SETUP)
                    && session.sealer != null) {
                encryptReplies = true;
                sealFor = sealFor == null ? session : sealFor;
            }
        }
        if (!replies.isEmpty()) {
            send(replies, encryptReplies ? sealFor : null);
        }
    }

    private static int chargeOf(Smb2Header header) {
        return Math.max(1, header.creditCharge());
    }

    /** [MS-SMB2] 3.3.5.2.7.2: related requests inherit the session, tree and file of the one before. */
    private static final class RelatedState {
        long sessionId;
        int treeId;
        FileId fileId;
        NtStatus failure;
        /** Whether the request is one of a compound chain of several. */
        boolean inChain;
    }

    private Reply handleElement(Bytes element, Smb2Header header, boolean encrypted, RelatedState related) {
        long sessionId = header.sessionId();
        int treeId = header.treeId();
        if (header.isRelated()) {
            if (related.failure != null) {
                return error(header, related.failure, null);
            }
            if (sessionId == RELATED_ID) {
                sessionId = related.sessionId;
            }
            if (treeId == (int) RELATED_ID) {
                treeId = related.treeId;
            }
        }
        Reply reply;
        if (header.command().equals(Command.NEGOTIATE)) {
            throw new Disconnect("second NEGOTIATE");
        } else if (header.command().equals(Command.SESSION_SETUP)) {
            reply = sessionSetup(element, header, encrypted);
        } else if (!sessions.containsKey(sessionId) && header.command().equals(Command.ECHO)) {
            // like Samba, ECHO needs no session: clients probe a connection with it after LOGOFF
            reply = echoWithoutSession(element, header);
        } else if (!sessions.containsKey(sessionId) && header.command().equals(Command.CANCEL)) {
            reply = null; // [MS-SMB2] 3.3.5.16: CANCEL is never answered, not even with an error
        } else {
            reply = inSession(element, header, sessionId, treeId, encrypted, related);
        }
        if (reply != null) {
            Smb2Header replyHeader = reply.message().header();
            related.sessionId = replyHeader.sessionId();
            related.treeId = replyHeader.treeId();
            related.failure = replyHeader.ntStatus().isError() ? replyHeader.ntStatus() : null;
        }
        return reply;
    }

    /** An ECHO outside any session, checked like any request ([MS-SMB2] 3.3.5.11: StructureSize 4). */
    private Reply echoWithoutSession(Bytes element, Smb2Header header) {
        try {
            Smb2Codec.decode(element);
        } catch (SmbDecodeException e) {
            return decodeError(header, e);
        }
        return reply(header, new EchoResponse(), null);
    }

    /**
     * [MS-SMB2] 3.3.5.3 / 3.3.5.4: the connection's first SMB2 message must be a NEGOTIATE on its own (never
     * compounded, never encrypted). Its response goes out exactly as the negotiator encoded it, because those bytes
     * are in the pre-auth integrity hash.
     */
    private void negotiate(List<Bytes> elements, ServerSession decryptedFor) {
        Bytes element = elements.get(0);
        Smb2Header header;
        try {
            header = Smb2Codec.decodeHeader(element);
        } catch (SmbDecodeException e) {
            throw new Disconnect(e.getMessage());
        }
        if (elements.size() != 1 || decryptedFor != null || !header.command().equals(Command.NEGOTIATE)
                || header.isResponse() || !credits.consume(header.messageId(), chargeOf(header))) {
            throw new Disconnect("the first message must be a NEGOTIATE on its own, MessageId 0");
        }
        ServerNegotiation outcome = negotiator.negotiate(element.toByteArray());
        byte[] response;
        if (outcome instanceof ServerNegotiation.Accepted accepted) {
            negotiated = accepted.parameters();
            response = accepted.response();
        } else if (outcome instanceof ServerNegotiation.Rejected rejected) {
            response = rejected.response();
        } else {
            throw new Disconnect(((ServerNegotiation.Disconnect) outcome).reason());
        }
        // the negotiator granted max(1, CreditRequest); the window follows what the response says
        credits.grant(WireReader.of(Bytes.wrap(response)).position(14).u16());
        transmit(Bytes.wrap(response));
    }

    // ---- SESSION_SETUP ([MS-SMB2] 3.3.5.5)

    private Reply sessionSetup(Bytes element, Smb2Header header, boolean encrypted) {
        SessionSetupRequest request;
        try {
            request = (SessionSetupRequest) Smb2Codec.decode(element).body();
        } catch (SmbDecodeException e) {
            return decodeError(header, e);
        }
        if ((request.flags() & SessionSetupRequest.FLAG_BINDING) != 0) {
            // multichannel is not offered (no SMB2_GLOBAL_CAP_MULTI_CHANNEL), so nothing may be bound
            return error(header, NtStatus.REQUEST_NOT_ACCEPTED, null);
        }
        ServerSession session;
        if (header.sessionId() == 0) {
            if (sessions.size() >= config.limits().maxSessions()) {
                return error(header, NtStatus.INSUFFICIENT_RESOURCES, null);
            }
            session = new ServerSession(newSessionId());
            sessions.put(session.id, session);
            session.authentication = newAuthentication();
            if (negotiated.dialect().equals(Dialect.SMB_3_1_1)) {
                session.preauth = SessionPreauth.startingFrom(
                        new PreauthIntegrityHash(negotiated.preauthIntegrityHash()));
            }
        } else {
            session = sessions.get(header.sessionId());
            if (session == null) {
                return error(header, NtStatus.USER_SESSION_DELETED, null);
            }
            if (session.authentication == null) {
                // re-authentication of an established session: a new exchange, the keys stay as they are
                session.authentication = newAuthentication();
            }
        }
        if (session.preauth != null && !session.established()) {
            session.preauth = session.preauth.request(element.toByteArray());
        }
        AuthStep step;
        try {
            step = session.authentication.accept(request.securityBuffer().toByteArray());
        } catch (AuthenticationException e) {
            session.authentication = null;
            if (!session.established()) {
                sessions.remove(session.id);
            }
            return error(header.withSession(session.id, header.treeId()), e.status(), null);
        }
        if (!step.complete()) {
            Smb2Header replyHeader = Smb2Header.responseTo(header, NtStatus.MORE_PROCESSING_REQUIRED,
                    credits.grant(Math.max(1, header.creditRequestResponse()))).withSession(session.id, 0);
            Smb2Message reply = new Smb2Message(replyHeader, new SessionSetupResponse(0, step.token()));
            if (session.preauth != null) {
                session.preauth = session.preauth.response(Smb2Codec.encode(reply), NtStatus.MORE_PROCESSING_REQUIRED);
            }
            return new Reply(reply, null, false);
        }
        boolean firstSetup = !session.established();
        AuthenticatedUser user = session.authentication.user();
        session.authentication = null;
        if (firstSetup) {
            NtStatus refused = establish(session, user);
            if (refused != null) {
                sessions.remove(session.id);
                return error(header.withSession(session.id, 0), refused, null);
            }
        }
        int flags = switch (user.kind()) {
            case GUEST -> SessionSetupResponse.FLAG_IS_GUEST;
            case ANONYMOUS -> SessionSetupResponse.FLAG_IS_NULL;
            case USER -> session.encryptData ? SessionSetupResponse.FLAG_ENCRYPT_DATA : 0;
        };
        Smb2Header replyHeader = Smb2Header.responseTo(header, NtStatus.SUCCESS,
                credits.grant(Math.max(1, header.creditRequestResponse()))).withSession(session.id, 0);
        // [MS-SMB2] 3.3.5.5.3: the final response of a 3.1.1 session setup is signed, so the client can check the
        // whole exchange against the keys it derived
        boolean sign = session.hasKey();
        return new Reply(new Smb2Message(replyHeader, new SessionSetupResponse(flags, step.token())),
                sign ? session : null, sign);
    }

    private SpnegoServer newAuthentication() {
        return new SpnegoServer(new NtlmServer(config.users(), config.authPolicy(), config.identity(), RANDOM,
                Clock.systemUTC()));
    }

    private long newSessionId() {
        long id;
        do {
            id = RANDOM.nextLong() & 0x0000_FFFF_FFFF_FFFFL;
        } while (id == 0 || sessions.containsKey(id));
        return id;
    }

    /** Derives the keys and decides signing and encryption for a new session; a status refuses it. */
    private NtStatus establish(ServerSession session, AuthenticatedUser user) {
        session.user = user;
        if (!session.hasKey()) {
            return null;
        }
        Bytes hash = session.preauth == null ? Bytes.EMPTY : session.preauth.hash().value();
        SessionKeys keys = SessionKeys.derive(negotiated.dialect(), negotiated.cipher(), user.sessionKey(), hash);
        session.keys = keys;
        session.signer = Smb2Signer.of(negotiated.signingAlgorithm(), keys.signingKey());
        session.signingRequired = negotiated.signingRequired();
        boolean canEncrypt = negotiated.dialect().isSmb3() && !negotiated.cipher().equals(CipherId.NONE);
        if (canEncrypt) {
            session.sealer = TransformSealer.of(negotiated.cipher(), keys.serverToClientKey());
            session.unsealer = TransformUnsealer.of(negotiated.cipher(), keys.clientToServerKey(), session.id);
        }
        // Transport-level security accepted over QUIC replaces SMB encryption: never demand it then.
        if (!negotiated.acceptTransportSecurity() && config.encryption() != EncryptionMode.OFF) {
            if (canEncrypt) {
                session.encryptData = true;
            } else if (config.encryption() == EncryptionMode.REQUIRED) {
                return NtStatus.ACCESS_DENIED;
            }
        }
        config.keyLog().session(session.id, user.sessionKey(), keys);
        return null;
    }

    // ---- commands inside a session

    private Reply inSession(Bytes element, Smb2Header header, long sessionId, int treeId, boolean encrypted,
                            RelatedState related) {
        ServerSession session = sessions.get(sessionId);
        if (session == null || !session.established()) {
            return error(header, NtStatus.USER_SESSION_DELETED, loggedOff.get(sessionId));
        }
        // [MS-SMB2] 3.3.5.2.4: on a session that requires signing, an unencrypted request must carry a valid
        // signature; a message that arrived encrypted was authenticated by its AEAD instead
        if (!encrypted && session.hasKey() && (session.signingRequired || header.isSigned())) {
            if (!header.isSigned() || !session.signer.verify(element)) {
                return error(header, NtStatus.ACCESS_DENIED, null);
            }
        }
        // [MS-SMB2] 3.3.5.2.9: a session that requires encryption refuses plaintext
        if (session.encryptData && !encrypted) {
            return error(header, NtStatus.ACCESS_DENIED, session);
        }
        Command command = header.command();
        if (command.equals(Command.LOGOFF)) {
            Reply reply = reply(header, new LogoffResponse(), session);
            dropOpens(session);
            sessions.remove(session.id);
            loggedOff.put(session.id, session);
            return reply;
        }
        if (command.equals(Command.ECHO)) {
            return reply(header, new EchoResponse(), session);
        }
        if (command.equals(Command.CANCEL)) {
            cancel(header, session);
            return null; // [MS-SMB2] 3.3.5.16: CANCEL itself is never answered
        }
        if (command.equals(Command.TREE_CONNECT)) {
            return treeConnect(element, header, session, encrypted);
        }
        if (command.equals(Command.IOCTL)) {
            return ioctl(element, header, session);
        }
        ServerSession.TreeConnect tree = session.trees.get(treeId);
        if (tree == null) {
            return error(header, NtStatus.NETWORK_NAME_DELETED, session);
        }
        if (tree.encryptData() && !encrypted) {
            return error(header, NtStatus.ACCESS_DENIED, session);
        }
        if (command.equals(Command.TREE_DISCONNECT)) {
            session.trees.remove(tree.id());
            session.opens.values().removeIf(open -> {
                boolean onTree = open.tree == tree;
                if (onTree) {
                    drop(open);
                }
                return onTree;
            });
            return reply(header, new TreeDisconnectResponse(), session);
        }
        Smb2Body body;
        try {
            body = Smb2Codec.decode(element).body();
        } catch (SmbDecodeException e) {
            return decodeError(header, e);
        }
        try {
            if (body instanceof LockRequest lock) {
                return lock(session, tree, header, lock, encrypted, related);
            }
            return reply(header, files(session, tree, header, body, related), session);
        } catch (StatusException e) {
            return error(header, e.status(), session);
        }
    }

    /** The file commands; {@code related} supplies the FileId of a related chain. */
    private Smb2Body files(ServerSession session, ServerSession.TreeConnect tree, Smb2Header header, Smb2Body body,
                           RelatedState related) throws StatusException {
        if (body instanceof CreateRequest create) {
            CreateResponse response = FileService.create(session, tree, create, config.limits().maxOpens());
            related.fileId = response.fileId();
            return response;
        }
        if (body instanceof ReadRequest read) {
            checkCharge(header, read.length());
            OpenFile open = open(session, tree, read.fileId(), related);
            locks.check(open, read.offset(), read.length(), false);
            return FileService.read(open, read, negotiated.maxReadSize());
        }
        if (body instanceof WriteRequest write) {
            checkCharge(header, write.data().length());
            OpenFile open = open(session, tree, write.fileId(), related);
            locks.check(open, write.offset(), write.data().length(), true);
            return FileService.write(open, write, negotiated.maxWriteSize());
        }
        if (body instanceof FlushRequest flush) {
            FileService.flush(open(session, tree, flush.fileId(), related));
            return new FlushResponse();
        }
        if (body instanceof CloseRequest close) {
            OpenFile open = open(session, tree, close.fileId(), related);
            locks.release(open);
            return FileService.close(session, open, close);
        }
        if (body instanceof QueryDirectoryRequest query) {
            return InfoService.queryDirectory(open(session, tree, query.fileId(), related), query);
        }
        if (body instanceof QueryInfoRequest query) {
            return InfoService.queryInfo(open(session, tree, query.fileId(), related), query);
        }
        if (body instanceof SetInfoRequest set) {
            return InfoService.setInfo(session, open(session, tree, set.fileId(), related), set);
        }
        throw new StatusException(NtStatus.NOT_SUPPORTED, header.command().name() + " is not supported yet");
    }

    /** A LOCK request that went async: the header its final response answers, and how that is protected. */
    private record AsyncLock(Smb2Header request, ServerSession session, boolean encrypted,
                             ByteRangeLocks.Waiter waiter) {
    }

    /**
     * [MS-SMB2] 3.3.5.14: a lock that must wait goes async, answered at once with an interim STATUS_PENDING that
     * carries an AsyncId and the credits (3.3.4.2); the final response follows when the range is granted or the
     * request is cancelled. Inside a compound chain, or when too many wait already, a lock does not wait.
     */
    private Reply lock(ServerSession session, ServerSession.TreeConnect tree, Smb2Header header, LockRequest lock,
                       boolean encrypted, RelatedState related) throws StatusException {
        OpenFile open = open(session, tree, lock.fileId(), related);
        long asyncId = nextAsyncId++;
        boolean mayWait = !related.inChain && waitingLocks.size() < MAX_WAITING_LOCKS;
        // only a lone lock could wait; requests of several locks are checked as they came
        List<LockElement> elements = mayWait || lock.locks().size() > 1 ? lock.locks()
                : failingImmediately(lock.locks());
        Optional<ByteRangeLocks.Waiter> waiter = locks.apply(open, elements,
                // told under the lock table's monitor, on any connection's thread: hand it to this connection's worker
                status -> worker.execute(() -> finishLock(asyncId, status)));
        if (waiter.isEmpty()) {
            return reply(header, new LockResponse(), session);
        }
        Smb2Header asyncRequest = header.toAsync(asyncId);
        waitingLocks.put(asyncId, new AsyncLock(asyncRequest, session, encrypted || session.encryptData, waiter.get()));
        Smb2Header interim = Smb2Header.responseTo(header, NtStatus.PENDING,
                credits.grant(Math.max(1, header.creditRequestResponse()))).toAsync(asyncId);
        return signed(new Smb2Message(interim, ErrorResponse.of(Command.LOCK)), header, session);
    }

    private static List<LockElement> failingImmediately(List<LockElement> elements) {
        return elements.stream().map(element -> new LockElement(element.offset(), element.length(),
                element.flags() | LockElement.FAIL_IMMEDIATELY)).toList();
    }

    /** Sends the final response of a lock that waited; the interim response granted its credits already. */
    private void finishLock(long asyncId, NtStatus status) {
        AsyncLock waiting = waitingLocks.remove(asyncId);
        if (waiting == null) {
            return; // the connection is gone
        }
        Smb2Header header = Smb2Header.responseTo(waiting.request(), status, 0).toAsync(asyncId);
        Smb2Body body = status.equals(NtStatus.SUCCESS) ? new LockResponse() : ErrorResponse.of(Command.LOCK);
        Reply reply = signed(new Smb2Message(header, body), waiting.request(), waiting.session());
        send(List.of(reply), waiting.encrypted() ? waiting.session() : null);
    }

    /** [MS-SMB2] 3.3.5.16: CANCEL names a waiting request by AsyncId, or by MessageId before it went async. */
    private void cancel(Smb2Header header, ServerSession session) {
        waitingLocks.entrySet().stream()
                .filter(entry -> entry.getValue().session() == session && (header.isAsync()
                        ? entry.getKey() == header.asyncId()
                        : entry.getValue().request().messageId() == header.messageId()))
                .findFirst()
                .ifPresent(entry -> locks.cancel(entry.getValue().waiter()));
    }

    /** Closes an open whose client is gone, with its byte-range locks. */
    private void drop(OpenFile open) {
        locks.release(open);
        FileService.closeQuietly(open);
    }

    private void dropOpens(ServerSession session) {
        session.opens.values().forEach(this::drop);
        session.opens.clear();
    }

    private static OpenFile open(ServerSession session, ServerSession.TreeConnect tree, FileId fileId,
                                 RelatedState related) throws StatusException {
        FileId effective = fileId.equals(FileId.RELATED) && related.fileId != null ? related.fileId : fileId;
        OpenFile open = FileService.open(session, tree, effective);
        related.fileId = effective;
        return open;
    }

    /**
     * [MS-SMB2] 3.3.5.2.5: a READ or WRITE of more than 64 KiB must be paid for with one credit per 64 KiB started
     * (CreditCharge); less is STATUS_INVALID_PARAMETER.
     */
    private static void checkCharge(Smb2Header header, long payload) throws StatusException {
        long needed = Math.max(1, (payload + 65535) / 65536);
        if (Math.max(1, header.creditCharge()) < needed) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "CreditCharge " + header.creditCharge()
                    + " too small for " + payload + " bytes");
        }
    }

    /** IOCTL works on a tree connect's behalf but FSCTL_VALIDATE_NEGOTIATE_INFO needs none (it may go to IPC$). */
    private Reply ioctl(Bytes element, Smb2Header header, ServerSession session) {
        IoctlRequest request;
        try {
            request = (IoctlRequest) Smb2Codec.decode(element).body();
        } catch (SmbDecodeException e) {
            return decodeError(header, e);
        }
        try {
            return reply(header, IoctlService.ioctl(request, negotiated, negotiated.serverSecurityMode()), session);
        } catch (StatusException e) {
            return error(header, e.status(), session);
        } catch (IoctlService.ValidationFailed e) {
            throw new Disconnect(e.getMessage());
        }
    }

    private Reply treeConnect(Bytes element, Smb2Header header, ServerSession session, boolean encrypted) {
        // [MS-SMB2] 3.3.5.7: on 3.1.1, a user's TREE_CONNECT that is neither signed nor encrypted ends the connection
        if (negotiated.dialect().equals(Dialect.SMB_3_1_1) && session.hasKey() && !encrypted && !header.isSigned()) {
            throw new Disconnect("unsigned TREE_CONNECT on 3.1.1");
        }
        TreeConnectRequest request;
        try {
            request = (TreeConnectRequest) Smb2Codec.decode(element).body();
        } catch (SmbDecodeException e) {
            return decodeError(header, e);
        }
        if (session.trees.size() >= config.limits().maxTreeConnects()) {
            return error(header, NtStatus.INSUFFICIENT_RESOURCES, session);
        }
        String path = request.path();
        int slash = path.lastIndexOf('\\');
        String name = (slash >= 0 ? path.substring(slash + 1) : path).toLowerCase(Locale.ROOT);
        if (name.equals("ipc$")) {
            ServerSession.TreeConnect tree = session.connect(null, true, false);
            return reply(header.withSession(session.id, tree.id()), new TreeConnectResponse(
                    TreeConnectResponse.SHARE_TYPE_PIPE, 0, 0, TREE_MAXIMAL_ACCESS), session);
        }
        Share share = config.shares().stream().filter(candidate -> candidate.name().equalsIgnoreCase(name))
                .findFirst().orElse(null);
        if (share == null) {
            return error(header, NtStatus.BAD_NETWORK_NAME, session);
        }
        boolean canEncrypt = session.sealer != null;
        boolean encrypt = share.encryption() != EncryptionMode.OFF && canEncrypt && !negotiated.acceptTransportSecurity();
        if (share.encryption() == EncryptionMode.REQUIRED && !canEncrypt && !negotiated.acceptTransportSecurity()) {
            return error(header, NtStatus.ACCESS_DENIED, session);
        }
        ServerSession.TreeConnect tree = session.connect(share, false, encrypt);
        return reply(header.withSession(session.id, tree.id()), new TreeConnectResponse(TreeConnectResponse.SHARE_TYPE_DISK,
                encrypt ? TreeConnectResponse.SHAREFLAG_ENCRYPT_DATA : 0, 0, TREE_MAXIMAL_ACCESS), session);
    }

    // ---- replies

    private Reply reply(Smb2Header request, Smb2Body body, ServerSession session) {
        Smb2Header header = Smb2Header.responseTo(request, NtStatus.SUCCESS,
                credits.grant(Math.max(1, request.creditRequestResponse())));
        return signed(new Smb2Message(header, body), request, session);
    }

    private Reply error(Smb2Header request, NtStatus status, ServerSession session) {
        Smb2Header header = Smb2Header.responseTo(request, status,
                credits.grant(Math.max(1, request.creditRequestResponse())));
        return signed(new Smb2Message(header, ErrorResponse.of(request.command())), request, session);
    }

    private Reply decodeError(Smb2Header request, SmbDecodeException e) {
        if (e.action() == DecodeAction.DISCONNECT) {
            throw new Disconnect(e.getMessage());
        }
        return error(request, e.status(), sessions.get(request.sessionId()));
    }

    /** [MS-SMB2] 3.3.4.1.1: sign what the session requires, and answer signed requests signed. */
    private static Reply signed(Smb2Message message, Smb2Header request, ServerSession session) {
        boolean sign = session != null && session.hasKey() && (session.signingRequired || request.isSigned());
        return new Reply(message, sign ? session : null, sign);
    }

    private void send(List<Reply> replies, ServerSession sealFor) {
        byte[] chain = CompoundChain.encode(replies.stream().map(Reply::message).toList());
        if (sealFor == null) {
            int offset = 0;
            List<Bytes> elements = CompoundChain.split(Bytes.wrap(chain));
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = replies.get(i);
                if (reply.mustSign()) {
                    reply.signWith().signer.sign(chain, offset, elements.get(i).length());
                }
                offset += elements.get(i).length();
            }
            transmit(Bytes.wrap(chain));
        } else {
            // encrypted replies are not signed: the AEAD protects them (3.3.4.1.4)
            Bytes plaintext = Bytes.wrap(chain);
            Bytes transform = sealFor.sealer.seal(chain, 0, chain.length, sealFor.id);
            config.trace().message(connectionName, MessageTrace.Direction.SENT, transform, plaintext);
            channel.send(transform);
        }
    }

    private void transmit(Bytes message) {
        config.trace().message(connectionName, MessageTrace.Direction.SENT, message, message);
        channel.send(message);
    }
}
