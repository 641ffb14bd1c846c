package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-NLMP] 2.2.1.3 AUTHENTICATE_MESSAGE.
 *
 * @param lmChallengeResponse       LmChallengeResponse
 * @param ntChallengeResponse       NtChallengeResponse (NTLMv2: NTProofStr followed by the client's blob)
 * @param domain                    DomainName
 * @param user                      UserName
 * @param workstation               Workstation
 * @param encryptedRandomSessionKey EncryptedRandomSessionKey (with NTLMSSP_NEGOTIATE_KEY_EXCH)
 * @param flags                     NegotiateFlags
 * @param version                   Version (8 bytes, or empty)
 * @param mic                       MIC (16 bytes when present, else empty)
 */
public record NtlmAuthenticate(Bytes lmChallengeResponse, Bytes ntChallengeResponse, String domain, String user,
                               String workstation, Bytes encryptedRandomSessionKey, int flags, Bytes version,
                               Bytes mic) {
    public static final int MIC_OFFSET = 72;

    public NtlmAuthenticate withMic(Bytes newMic) {
        return new NtlmAuthenticate(lmChallengeResponse, ntChallengeResponse, domain, user, workstation,
                encryptedRandomSessionKey, flags, version, newMic);
    }
}
