package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-SMB2] 2.2.1 SMB2 Packet Header, in its ASYNC (2.2.1.1) and SYNC (2.2.1.2) forms.
 *
 * <p>ProtocolId (0xFE 'SMB') and StructureSize (64) are constants written and checked by the codec. The 8 bytes at
 * offset 32 hold {@code asyncId} when {@link HeaderFlags#ASYNC_COMMAND} is set, otherwise {@code processId} (Reserved)
 * and {@code treeId}; the fields of the other form are zero.
 *
 * @param creditCharge   CreditCharge: credits this request consumes (2.1+), 0 for 2.0.2
 * @param status         Status in responses; ChannelSequence (low 16 bits) and Reserved in 3.x requests
 * @param command        Command
 * @param creditRequestResponse CreditRequest in requests, CreditResponse in responses
 * @param flags          Flags ({@link HeaderFlags})
 * @param nextCommand    NextCommand: offset of the next compound element, 0 for the last; set by the compound encoder
 * @param messageId      MessageId
 * @param asyncId        AsyncId (async form only)
 * @param processId      Reserved (sync form only; historically the process id)
 * @param treeId         TreeId (sync form only)
 * @param sessionId      SessionId
 * @param signature      Signature: 16 bytes, zero when unsigned
 */
public record Smb2Header(
        int creditCharge,
        int status,
        Command command,
        int creditRequestResponse,
        int flags,
        long nextCommand,
        long messageId,
        long asyncId,
        int processId,
        int treeId,
        long sessionId,
        Bytes signature) {

    public static final int SIZE = 64;
    public static final int SIGNATURE_OFFSET = 48;
    public static final int SIGNATURE_SIZE = 16;
    private static final Bytes NO_SIGNATURE = Bytes.wrap(new byte[SIGNATURE_SIZE]);

    public Smb2Header {
        java.util.Objects.requireNonNull(command, "command");
        java.util.Objects.requireNonNull(signature, "signature");
        if (signature.length() != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("signature must be 16 bytes");
        }
        if (((flags & HeaderFlags.ASYNC_COMMAND) != 0) ? (processId != 0 || treeId != 0) : asyncId != 0) {
            throw new IllegalArgumentException("asyncId and processId/treeId belong to different header forms");
        }
    }

    /** A sync request header with one credit requested and no session or tree yet. */
    public static Smb2Header request(Command command, long messageId) {
        return new Smb2Header(1, 0, command, 1, 0, 0, messageId, 0, 0, 0, 0, NO_SIGNATURE);
    }

    /** The sync response header to {@code request}: same command, MessageId, session and tree. */
    public static Smb2Header responseTo(Smb2Header request, NtStatus status, int creditResponse) {
        int flags = HeaderFlags.SERVER_TO_REDIR | (request.flags & HeaderFlags.PRIORITY_MASK);
        return new Smb2Header(request.creditCharge, status.code(), request.command, creditResponse, flags, 0,
                request.messageId, 0, request.processId, request.treeId, request.sessionId, NO_SIGNATURE);
    }

    public static Bytes noSignature() {
        return NO_SIGNATURE;
    }

    public boolean isResponse() {
        return (flags & HeaderFlags.SERVER_TO_REDIR) != 0;
    }

    public boolean isAsync() {
        return (flags & HeaderFlags.ASYNC_COMMAND) != 0;
    }

    public boolean isSigned() {
        return (flags & HeaderFlags.SIGNED) != 0;
    }

    public boolean isRelated() {
        return (flags & HeaderFlags.RELATED_OPERATIONS) != 0;
    }

    public NtStatus ntStatus() {
        return new NtStatus(status);
    }

    public Smb2Header withFlags(int newFlags) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, newFlags, nextCommand, messageId,
                asyncId, processId, treeId, sessionId, signature);
    }

    public Smb2Header withNextCommand(long newNextCommand) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, flags, newNextCommand, messageId,
                asyncId, processId, treeId, sessionId, signature);
    }

    public Smb2Header withMessageId(long newMessageId) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, flags, nextCommand, newMessageId,
                asyncId, processId, treeId, sessionId, signature);
    }

    public Smb2Header withSession(long newSessionId, int newTreeId) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, flags, nextCommand, messageId,
                asyncId, processId, newTreeId, newSessionId, signature);
    }

    public Smb2Header withCredits(int newCreditCharge, int newCreditRequestResponse) {
        return new Smb2Header(newCreditCharge, status, command, newCreditRequestResponse, flags, nextCommand,
                messageId, asyncId, processId, treeId, sessionId, signature);
    }

    public Smb2Header withSignature(Bytes newSignature) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, flags, nextCommand, messageId,
                asyncId, processId, treeId, sessionId, newSignature);
    }

    /** The async form of this header (an interim STATUS_PENDING response and what follows it, 3.3.4.2). */
    public Smb2Header toAsync(long newAsyncId) {
        return new Smb2Header(creditCharge, status, command, creditRequestResponse, flags | HeaderFlags.ASYNC_COMMAND,
                nextCommand, messageId, newAsyncId, 0, 0, sessionId, signature);
    }
}
