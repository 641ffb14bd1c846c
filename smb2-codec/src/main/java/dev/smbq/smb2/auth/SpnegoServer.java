package dev.smbq.smb2.auth;

import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.security.MessageDigest;
import java.util.List;

/**
 * The server side of SPNEGO with NTLMSSP ([MS-SPNG], RFC 4178): the negTokenInit (with the NTLM NEGOTIATE) is
 * answered with a CHALLENGE; the negTokenResp with the AUTHENTICATE is verified, its mechListMIC checked, and the
 * final token carries the server's mechListMIC. A bare NTLMSSP token (no SPNEGO) is accepted too, as Windows does.
 */
public final class SpnegoServer {
    private static final byte[] NTLMSSP_SIGNATURE = "NTLMSSP\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final NtlmServer ntlm;
    private List<String> clientMechTypes = List.of(SpnegoToken.NTLMSSP_OID);
    private boolean rawNtlm;
    private boolean mechListMicRequired;
    private State state = State.START;
    private AuthenticatedUser user;

    private enum State { START, AWAIT_NEGOTIATE, AWAIT_AUTHENTICATE, DONE }

    public SpnegoServer(NtlmServer ntlm) {
        this.ntlm = ntlm;
    }

    /** The security buffer of the NEGOTIATE response: a NegTokenInit2 naming NTLMSSP. */
    public static byte[] negotiateHint() {
        return SpnegoToken.serverHint(List.of(SpnegoToken.NTLMSSP_OID));
    }

    /** Takes a SESSION_SETUP security buffer and returns the response's buffer. */
    public AuthStep accept(byte[] clientToken) throws AuthenticationException {
        try {
            switch (state) {
                case START -> {
                    return first(clientToken);
                }
                case AWAIT_NEGOTIATE -> {
                    state = State.AWAIT_AUTHENTICATE;
                    return new AuthStep(Bytes.wrap(challenge(SpnegoToken.decodeResp(clientToken).responseToken())), false);
                }
                case AWAIT_AUTHENTICATE -> {
                    byte[] last = complete(clientToken);
                    state = State.DONE;
                    return new AuthStep(Bytes.wrap(last), true);
                }
                default -> throw new AuthenticationException(NtStatus.INVALID_PARAMETER, "authentication already finished");
            }
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.INVALID_PARAMETER, e.getMessage());
        }
    }

    private AuthStep first(byte[] token) throws AuthenticationException {
        if (startsWithNtlmssp(token)) {
            rawNtlm = true;
            state = State.AWAIT_AUTHENTICATE;
            return new AuthStep(Bytes.wrap(ntlm.challenge(token)), false);
        }
        SpnegoToken.NegTokenInit init = SpnegoToken.decodeInit(token);
        if (!init.mechTypes().contains(SpnegoToken.NTLMSSP_OID)) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "client offers no mechanism this server has");
        }
        clientMechTypes = init.mechTypes();
        // The optimistic token counts only if NTLMSSP was the client's first choice (RFC 4178 3.2). Otherwise NTLMSSP
        // is selected without a token, the client starts it in its next token, and a mechListMIC becomes mandatory
        // so that nobody can have removed the client's preferred mechanism on the way.
        if (!init.mechTypes().get(0).equals(SpnegoToken.NTLMSSP_OID) || init.mechToken().isEmpty()) {
            mechListMicRequired = true;
            state = State.AWAIT_NEGOTIATE;
            return new AuthStep(Bytes.wrap(SpnegoToken.encode(new SpnegoToken.NegTokenResp(SpnegoToken.ACCEPT_INCOMPLETE,
                    SpnegoToken.NTLMSSP_OID, Bytes.EMPTY, Bytes.EMPTY))), false);
        }
        state = State.AWAIT_AUTHENTICATE;
        return new AuthStep(Bytes.wrap(challenge(init.mechToken())), false);
    }

    private byte[] challenge(Bytes negotiate) throws AuthenticationException {
        byte[] challenge = ntlm.challenge(negotiate.toByteArray());
        return SpnegoToken.encode(new SpnegoToken.NegTokenResp(SpnegoToken.ACCEPT_INCOMPLETE,
                SpnegoToken.NTLMSSP_OID, Bytes.wrap(challenge), Bytes.EMPTY));
    }

    private byte[] complete(byte[] token) throws AuthenticationException {
        if (rawNtlm) {
            user = ntlm.authenticate(token);
            return new byte[0];
        }
        SpnegoToken.NegTokenResp response = SpnegoToken.decodeResp(token);
        user = ntlm.authenticate(response.responseToken().toByteArray());
        if (user.kind() != AuthenticatedUser.Kind.USER) {
            return SpnegoToken.encode(new SpnegoToken.NegTokenResp(SpnegoToken.ACCEPT_COMPLETED, "", Bytes.EMPTY,
                    Bytes.EMPTY));
        }
        byte[] mechTypeList = SpnegoToken.mechTypeList(clientMechTypes);
        // [MS-SPNG] 3.2.5.1: when the NTLM MIC was used the client must send a mechListMIC, and it must verify.
        if (ntlm.micVerified() || mechListMicRequired || !response.mechListMic().isEmpty()) {
            byte[] expected = ntlm.signer(true).getMic(mechTypeList, 0);
            if (!MessageDigest.isEqual(expected, response.mechListMic().toByteArray())) {
                throw new AuthenticationException(NtStatus.LOGON_FAILURE, "client mechListMIC missing or wrong");
            }
        }
        Bytes serverMic = Bytes.wrap(ntlm.signer(false).getMic(mechTypeList, 0));
        return SpnegoToken.encode(new SpnegoToken.NegTokenResp(SpnegoToken.ACCEPT_COMPLETED, "", Bytes.EMPTY,
                serverMic));
    }

    private static boolean startsWithNtlmssp(byte[] token) {
        return token.length >= NTLMSSP_SIGNATURE.length
                && java.util.Arrays.equals(token, 0, NTLMSSP_SIGNATURE.length, NTLMSSP_SIGNATURE, 0, NTLMSSP_SIGNATURE.length);
    }

    /** Who authenticated, once {@link #accept} reported completion. */
    public AuthenticatedUser user() {
        if (user == null) {
            throw new IllegalStateException("authentication has not completed");
        }
        return user;
    }
}
