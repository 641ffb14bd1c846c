package dev.smbq.smb2.auth;

import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The server side of NTLMv2 ([MS-NLMP] 3.2.5): NEGOTIATE in, CHALLENGE out, AUTHENTICATE in and verified against
 * a {@link UserStore}. Only NTLMv2 is accepted: an NTLMv1 or LM-only response is a logon failure. The MIC is checked
 * whenever the client's response says it sent one. One instance per authentication.
 */
public final class NtlmServer {
    private static final int NTLMV2_BLOB_HEADER = 28;
    private static final int NT_PROOF_SIZE = 16;

    private final UserStore users;
    private final AuthPolicy policy;
    private final ServerIdentity identity;
    private final RandomGenerator random;
    private final Clock clock;
    private byte[] negotiateBytes;
    private byte[] challengeBytes;
    private NtlmChallenge challenge;
    private boolean micVerified;
    private byte[] exportedSessionKey;

    public NtlmServer(UserStore users, AuthPolicy policy, ServerIdentity identity, RandomGenerator random, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.identity = identity;
        this.random = random;
        this.clock = clock;
    }

    public byte[] challenge(byte[] negotiate) throws AuthenticationException {
        NtlmNegotiate request;
        try {
            request = NtlmCodec.decodeNegotiate(Bytes.wrap(negotiate.clone()));
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.INVALID_PARAMETER, "malformed NEGOTIATE: " + e.getMessage());
        }
        if (!NtlmFlags.has(request.flags(), NtlmFlags.UNICODE)) {
            throw new AuthenticationException(NtStatus.NOT_SUPPORTED, "client does not speak Unicode NTLM");
        }
        byte[] serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);
        // SEAL is granted when asked (smbclient asks when it will encrypt): SMB never uses NTLM sealing itself
        int flags = (request.flags() & (NtlmFlags.SUPPORTED | NtlmFlags.SEAL)) | NtlmFlags.TARGET_INFO
                | NtlmFlags.TARGET_TYPE_SERVER
                | NtlmFlags.EXTENDED_SESSIONSECURITY | NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.VERSION;
        challenge = new NtlmChallenge(identity.netbiosDomain(), flags, Bytes.wrap(serverChallenge), List.of(
                new AvPair(AvPair.NB_DOMAIN_NAME, utf16(identity.netbiosDomain())),
                new AvPair(AvPair.NB_COMPUTER_NAME, utf16(identity.netbiosComputer())),
                new AvPair(AvPair.DNS_DOMAIN_NAME, utf16(identity.dnsDomain())),
                new AvPair(AvPair.DNS_COMPUTER_NAME, utf16(identity.dnsComputer())),
                new AvPair(AvPair.TIMESTAMP, le64(FileTimes.fromInstant(clock.instant()))),
                new AvPair(AvPair.EOL, Bytes.EMPTY)), NtlmClient.VERSION);
        negotiateBytes = negotiate.clone();
        challengeBytes = NtlmCodec.encode(challenge);
        return challengeBytes.clone();
    }

    /** Takes up an exchange whose NEGOTIATE and CHALLENGE are given, to check recorded sessions (test vectors). */
    void resumeAfter(byte[] negotiate, byte[] challengeMessage) {
        negotiateBytes = negotiate.clone();
        challengeBytes = challengeMessage.clone();
        challenge = NtlmCodec.decodeChallenge(Bytes.wrap(challengeMessage.clone()));
    }

    public AuthenticatedUser authenticate(byte[] authenticateBytes) throws AuthenticationException {
        if (challenge == null) {
            throw new AuthenticationException(NtStatus.INVALID_PARAMETER, "AUTHENTICATE before CHALLENGE");
        }
        NtlmAuthenticate message;
        try {
            message = NtlmCodec.decodeAuthenticate(Bytes.wrap(authenticateBytes.clone()));
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.INVALID_PARAMETER, "malformed AUTHENTICATE: " + e.getMessage());
        }
        if (isAnonymous(message)) {
            if (!policy.allowAnonymous()) {
                throw new AuthenticationException(NtStatus.LOGON_FAILURE, "anonymous logons are not allowed");
            }
            return new AuthenticatedUser(AuthenticatedUser.Kind.ANONYMOUS, "", "", Bytes.EMPTY);
        }
        Bytes ntResponse = message.ntChallengeResponse();
        // NTLMv1 answers are exactly 24 bytes; NTLMv2 answers are NTProofStr plus a blob of at least 28 bytes.
        if (ntResponse.length() < NT_PROOF_SIZE + NTLMV2_BLOB_HEADER) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "only NTLMv2 is accepted");
        }
        Optional<Bytes> ntHash = users.ntHash(message.user());
        if (ntHash.isEmpty()) {
            if (policy.allowGuest()) {
                return new AuthenticatedUser(AuthenticatedUser.Kind.GUEST, message.user(), message.domain(), Bytes.EMPTY);
            }
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "unknown user");
        }
        byte[] proof = ntResponse.slice(0, NT_PROOF_SIZE).toByteArray();
        byte[] blob = ntResponse.slice(NT_PROOF_SIZE, ntResponse.length() - NT_PROOF_SIZE).toByteArray();
        byte[] serverChallenge = challenge.serverChallenge().toByteArray();
        byte[] responseKey = null;
        // The client computes NTOWFv2 with the domain it names; some clients name none. Try both.
        for (String domain : new String[] {message.domain(), ""}) {
            byte[] candidate = NtlmCrypto.ntowfv2(ntHash.get().toByteArray(), message.user(), domain);
            if (MessageDigest.isEqual(NtlmCrypto.hmacMd5(candidate, serverChallenge, blob), proof)) {
                responseKey = candidate;
                break;
            }
        }
        if (responseKey == null) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "wrong password");
        }
        byte[] keyExchangeKey = NtlmCrypto.hmacMd5(responseKey, proof);
        exportedSessionKey = NtlmFlags.has(message.flags(), NtlmFlags.KEY_EXCH)
                && message.encryptedRandomSessionKey().length() == 16
                ? NtlmCrypto.rc4(keyExchangeKey, message.encryptedRandomSessionKey().toByteArray()) : keyExchangeKey;
        if (micClaimed(blob)) {
            verifyMic(message, authenticateBytes);
        }
        return new AuthenticatedUser(AuthenticatedUser.Kind.USER, message.user(), message.domain(),
                Bytes.wrap(exportedSessionKey.clone()));
    }

    /** [MS-NLMP] 3.2.5.1.2: with MsvAvFlags "MIC present", the MIC over all three messages must match. */
    private void verifyMic(NtlmAuthenticate message, byte[] authenticateBytes) throws AuthenticationException {
        if (message.mic().length() != 16) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "MIC announced but missing");
        }
        byte[] zeroed = authenticateBytes.clone();
        java.util.Arrays.fill(zeroed, NtlmAuthenticate.MIC_OFFSET, NtlmAuthenticate.MIC_OFFSET + 16, (byte) 0);
        byte[] expected = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateBytes, challengeBytes, zeroed);
        if (!MessageDigest.isEqual(expected, message.mic().toByteArray())) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "MIC does not match");
        }
        micVerified = true;
    }

    private static boolean micClaimed(byte[] blob) throws AuthenticationException {
        List<AvPair> pairs;
        try {
            pairs = NtlmCodec.decodeAvPairs(Bytes.wrap(blob, NTLMV2_BLOB_HEADER, blob.length - NTLMV2_BLOB_HEADER));
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE, "malformed NTLMv2 response");
        }
        return pairs.stream().anyMatch(pair -> pair.id() == AvPair.FLAGS && pair.value().length() == 4
                && (WireReader.of(pair.value()).u32() & AvPair.FLAG_MIC_PRESENT) != 0);
    }

    private static boolean isAnonymous(NtlmAuthenticate message) {
        Bytes lm = message.lmChallengeResponse();
        return message.user().isEmpty() && message.ntChallengeResponse().isEmpty()
                && (lm.isEmpty() || lm.equals(Bytes.wrap(new byte[1])));
    }

    /** Whether the client proved the exchange unmodified with a MIC (SPNEGO then requires mechListMIC). */
    public boolean micVerified() {
        return micVerified;
    }

    NtlmCrypto.MessageSigner signer(boolean clientToServer) {
        return new NtlmCrypto.MessageSigner(exportedSessionKey, clientToServer);
    }

    private static Bytes utf16(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static Bytes le64(long value) {
        byte[] bytes = new byte[8];
        dev.smbq.smb2.wire.WireWriter.of(bytes).u64(value);
        return Bytes.wrap(bytes);
    }
}
