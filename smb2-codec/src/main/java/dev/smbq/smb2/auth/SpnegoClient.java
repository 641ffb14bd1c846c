package dev.smbq.smb2.auth;

import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.security.MessageDigest;
import java.util.List;

/**
 * The client side of SPNEGO with NTLMSSP as its one mechanism ([MS-SPNG], RFC 4178): negTokenInit with the NTLM
 * NEGOTIATE, then a negTokenResp with the AUTHENTICATE and a mechListMIC, then the check of the server's
 * mechListMIC. Without that last check a man in the middle could have trimmed the mechanism list unseen.
 */
public final class SpnegoClient {
    private static final List<String> MECH_TYPES = List.of(SpnegoToken.NTLMSSP_OID);

    private final NtlmClient ntlm;
    private int round;
    private boolean mechListMicSent;

    public SpnegoClient(NtlmClient ntlm) {
        this.ntlm = ntlm;
    }

    /** The first SESSION_SETUP security buffer. */
    public byte[] initialToken() {
        if (round != 0) {
            throw new IllegalStateException("the initial token is sent once");
        }
        round = 1;
        return SpnegoToken.encode(new SpnegoToken.NegTokenInit(MECH_TYPES, Bytes.wrap(ntlm.negotiate()), Bytes.EMPTY));
    }

    /** Takes the server's token from a SESSION_SETUP response and returns what to send next, if anything. */
    public AuthStep next(byte[] serverToken) throws AuthenticationException {
        SpnegoToken.NegTokenResp response;
        try {
            response = SpnegoToken.decodeResp(serverToken);
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.INVALID_NETWORK_RESPONSE, e.getMessage());
        }
        if (response.negState() == SpnegoToken.REJECT) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "server rejected the authentication");
        }
        if (round == 1) {
            if (!response.supportedMech().isEmpty() && !response.supportedMech().equals(SpnegoToken.NTLMSSP_OID)) {
                throw new AuthenticationException(NtStatus.LOGON_FAILURE, "server chose " + response.supportedMech());
            }
            byte[] authenticate = ntlm.authenticate(response.responseToken().toByteArray());
            Bytes mic = Bytes.EMPTY;
            if (ntlm.micSent()) {
                mic = Bytes.wrap(ntlm.signer(true).getMic(SpnegoToken.mechTypeList(MECH_TYPES), 0));
                mechListMicSent = true;
            }
            round = 2;
            return new AuthStep(Bytes.wrap(SpnegoToken.encode(new SpnegoToken.NegTokenResp(
                    SpnegoToken.ACCEPT_INCOMPLETE, "", Bytes.wrap(authenticate), mic))), false);
        }
        if (round == 2) {
            if (response.negState() != SpnegoToken.ACCEPT_COMPLETED) {
                throw new AuthenticationException(NtStatus.LOGON_FAILURE, "server did not complete: " + response.negState());
            }
            // RFC 4178 5: once a MIC protected the exchange, the acceptor's mechListMIC must be present and valid.
            if (mechListMicSent || !response.mechListMic().isEmpty()) {
                byte[] expected = ntlm.signer(false).getMic(SpnegoToken.mechTypeList(MECH_TYPES), 0);
                if (!MessageDigest.isEqual(expected, response.mechListMic().toByteArray())) {
                    throw new AuthenticationException(NtStatus.LOGON_FAILURE, "server mechListMIC missing or wrong");
                }
            }
            round = 3;
            return new AuthStep(Bytes.EMPTY, true);
        }
        throw new IllegalStateException("authentication already finished");
    }

    /** The SMB session key (the NTLM ExportedSessionKey), once {@link #next} reported completion. */
    public Bytes sessionKey() {
        if (round != 3) {
            throw new IllegalStateException("authentication has not completed");
        }
        return ntlm.exportedSessionKey();
    }
}
