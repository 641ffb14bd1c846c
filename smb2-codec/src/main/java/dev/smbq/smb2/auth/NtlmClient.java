package dev.smbq.smb2.auth;

import dev.smbq.smb2.spec.FileTimes;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The client side of NTLMv2 ([MS-NLMP] 3.1.5): NEGOTIATE out, CHALLENGE in, AUTHENTICATE out, with key exchange
 * and a MIC over all three messages. Randomness (client challenge, exported session key) and the clock are injected.
 * One instance per authentication.
 */
public final class NtlmClient {
    /** Version of this implementation in the NTLM Version field: 10.0, build 0, NTLM revision 15. */
    static final Bytes VERSION = Bytes.fromHex("0A0000000000000F");

    private final Credentials credentials;
    private final String workstation;
    private final String targetName;
    private final RandomGenerator random;
    private final Clock clock;
    private byte[] negotiateBytes;
    private byte[] exportedSessionKey;
    private boolean micSent;

    /**
     * @param targetName the service principal name put in MsvAvTargetName (e.g. {@code cifs/server}), or empty
     */
    public NtlmClient(Credentials credentials, String workstation, String targetName, RandomGenerator random,
                      Clock clock) {
        this.credentials = credentials;
        this.workstation = workstation;
        this.targetName = targetName;
        this.random = random;
        this.clock = clock;
    }

    public byte[] negotiate() {
        int flags = NtlmFlags.SUPPORTED | (credentials.isAnonymous() ? NtlmFlags.ANONYMOUS : 0);
        negotiateBytes = NtlmCodec.encode(new NtlmNegotiate(flags & ~NtlmFlags.TARGET_INFO, "", "", VERSION));
        return negotiateBytes.clone();
    }

    public byte[] authenticate(byte[] challengeBytes) throws AuthenticationException {
        if (negotiateBytes == null) {
            throw new IllegalStateException("negotiate() first");
        }
        NtlmChallenge challenge;
        try {
            challenge = NtlmCodec.decodeChallenge(Bytes.wrap(challengeBytes.clone()));
        } catch (SmbDecodeException e) {
            throw new AuthenticationException(NtStatus.INVALID_PARAMETER, "malformed CHALLENGE: " + e.getMessage());
        }
        int flags = challenge.flags() & (NtlmFlags.SUPPORTED | NtlmFlags.TARGET_TYPE_DOMAIN | NtlmFlags.TARGET_TYPE_SERVER);
        if (!NtlmFlags.has(flags, NtlmFlags.EXTENDED_SESSIONSECURITY) || !NtlmFlags.has(flags, NtlmFlags.UNICODE)) {
            throw new AuthenticationException(NtStatus.LOGON_FAILURE,
                    "server does not offer NTLMv2 with extended session security and Unicode");
        }
        if (credentials.isAnonymous()) {
            // [MS-NLMP] 3.1.5.1.2: anonymous: empty NT response, a single zero byte of LM response, no session key.
            exportedSessionKey = new byte[16];
            return NtlmCodec.encode(new NtlmAuthenticate(Bytes.wrap(new byte[1]), Bytes.EMPTY, "", "", workstation,
                    Bytes.EMPTY, flags | NtlmFlags.ANONYMOUS, VERSION, Bytes.EMPTY));
        }
        boolean serverTimestamp = challenge.targetInfo().stream().anyMatch(pair -> pair.id() == AvPair.TIMESTAMP);
        long time = serverTimestamp ? timestampOf(challenge) : FileTimes.fromInstant(clock.instant());
        byte[] clientChallenge = randomBytes(8);
        byte[] responseKey = NtlmCrypto.ntowfv2(credentials.ntHash().toByteArray(), credentials.user(),
                credentials.domain());
        byte[] serverChallenge = challenge.serverChallenge().toByteArray();
        byte[] temp = ntlmv2Blob(time, clientChallenge, clientTargetInfo(challenge.targetInfo(), serverTimestamp));
        byte[] proof = NtlmCrypto.hmacMd5(responseKey, serverChallenge, temp);
        byte[] ntResponse = concat(proof, temp);
        // With a server timestamp the LMv2 response is all zeros ([MS-NLMP] 3.1.5.1.2).
        byte[] lmResponse = serverTimestamp ? new byte[24]
                : concat(NtlmCrypto.hmacMd5(responseKey, serverChallenge, clientChallenge), clientChallenge);
        byte[] keyExchangeKey = NtlmCrypto.hmacMd5(responseKey, proof);
        Bytes encryptedKey = Bytes.EMPTY;
        if (NtlmFlags.has(flags, NtlmFlags.KEY_EXCH)) {
            exportedSessionKey = randomBytes(16);
            encryptedKey = Bytes.wrap(NtlmCrypto.rc4(keyExchangeKey, exportedSessionKey));
        } else {
            exportedSessionKey = keyExchangeKey;
        }
        micSent = serverTimestamp;
        NtlmAuthenticate authenticate = new NtlmAuthenticate(Bytes.wrap(lmResponse), Bytes.wrap(ntResponse),
                credentials.domain(), credentials.user(), workstation, encryptedKey, flags, VERSION,
                micSent ? Bytes.wrap(new byte[16]) : Bytes.EMPTY);
        byte[] encoded = NtlmCodec.encode(authenticate);
        if (micSent) {
            byte[] mic = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateBytes, challengeBytes, encoded);
            System.arraycopy(mic, 0, encoded, NtlmAuthenticate.MIC_OFFSET, 16);
        }
        return encoded;
    }

    /**
     * The server's TargetInfo as the client returns it: MsvAvFlags gains "MIC present" when the server sent a
     * timestamp, and the client adds empty channel bindings and its target name before MsvAvEOL.
     */
    private List<AvPair> clientTargetInfo(List<AvPair> serverInfo, boolean withMic) {
        List<AvPair> pairs = new ArrayList<>();
        int flags = 0;
        for (AvPair pair : serverInfo) {
            if (pair.id() == AvPair.EOL) {
                break;
            }
            if (pair.id() == AvPair.FLAGS && pair.value().length() == 4) {
                flags = dev.smbq.smb2.wire.WireReader.of(pair.value()).u32();
                continue;
            }
            pairs.add(pair);
        }
        if (withMic) {
            flags |= AvPair.FLAG_MIC_PRESENT;
        }
        if (flags != 0) {
            pairs.add(new AvPair(AvPair.FLAGS, le32(flags)));
        }
        pairs.add(new AvPair(AvPair.CHANNEL_BINDINGS, Bytes.wrap(new byte[16])));
        if (!targetName.isEmpty()) {
            pairs.add(new AvPair(AvPair.TARGET_NAME, Bytes.wrap(targetName.getBytes(StandardCharsets.UTF_16LE))));
        }
        pairs.add(new AvPair(AvPair.EOL, Bytes.EMPTY));
        return pairs;
    }

    /** [MS-NLMP] 2.2.2.7 NTLMv2_CLIENT_CHALLENGE, the "temp" of 3.3.2. */
    static byte[] ntlmv2Blob(long time, byte[] clientChallenge, List<AvPair> targetInfo) {
        byte[] avPairs = NtlmCodec.encodeAvPairs(targetInfo);
        byte[] blob = new byte[28 + avPairs.length + 4];
        WireWriter.of(blob).u8(1).u8(1).zeros(6).u64(time).bytes(clientChallenge).zeros(4).bytes(avPairs).zeros(4);
        return blob;
    }

    private static long timestampOf(NtlmChallenge challenge) {
        return challenge.targetInfo().stream().filter(pair -> pair.id() == AvPair.TIMESTAMP && pair.value().length() == 8)
                .findFirst().map(pair -> dev.smbq.smb2.wire.WireReader.of(pair.value()).u64()).orElse(0L);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static Bytes le32(int value) {
        byte[] bytes = new byte[4];
        WireWriter.of(bytes).u32(value);
        return Bytes.wrap(bytes);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /** The NTLM ExportedSessionKey: the SMB session key. Zero for anonymous. */
    public Bytes exportedSessionKey() {
        return Bytes.wrap(exportedSessionKey.clone());
    }

    /** Whether the AUTHENTICATE carried a MIC (then SPNEGO must exchange mechListMICs). */
    public boolean micSent() {
        return micSent;
    }

    NtlmCrypto.MessageSigner signer(boolean clientToServer) {
        return new NtlmCrypto.MessageSigner(exportedSessionKey, clientToServer);
    }
}
