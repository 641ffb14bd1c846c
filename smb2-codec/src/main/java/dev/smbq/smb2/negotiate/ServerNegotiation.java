package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;

/** What a {@link ServerNegotiator} decided about one NEGOTIATE request. */
public sealed interface ServerNegotiation {
    /** Negotiation succeeded: send {@code response}; the connection state is {@code parameters}. */
    record Accepted(byte[] response, NegotiatedParameters parameters) implements ServerNegotiation {
    }

    /**
     * An SMB1 multi-protocol NEGOTIATE was answered with an SMB2 NEGOTIATE response naming the wildcard dialect
     * 0x02FF ([MS-SMB2] 3.3.5.3.1): send {@code response}, then expect an SMB2 NEGOTIATE request.
     */
    record Upgraded(byte[] response, Dialect dialect) implements ServerNegotiation {
    }

    /** The request failed: send {@code response} (an ERROR response with {@code status}); the connection stays up. */
    record Rejected(byte[] response, NtStatus status, String reason) implements ServerNegotiation {
    }

    /** The request cannot be answered: close the connection. */
    record Disconnect(String reason) implements ServerNegotiation {
    }
}
