package dev.smbq.smb2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.wire.Bytes;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [MS-NLMP] 4.2.4 (N1) and the NTLMv2 exchange inside the V3 SMB session (N2, N3). */
class NtlmVectorsTest {
    private static Bytes hex(String hex) {
        return Bytes.fromHex(hex);
    }

    @Test
    void n1Computations() {
        byte[] ntHash = NtlmCrypto.ntHash("Password");
        assertThat(Bytes.wrap(ntHash)).isEqualTo(hex("A4F49C406510BDCAB6824EE7C30FD852"));
        byte[] responseKey = NtlmCrypto.ntowfv2(ntHash, "User", "Domain");
        assertThat(Bytes.wrap(responseKey)).isEqualTo(hex("0C868A403BFD7A93A3001EF22EF02E3F"));

        NtlmChallenge challenge = NtlmCodec.decodeChallenge(Bytes.wrap(Vectors.load("n1-challenge-message")));
        byte[] temp = NtlmClient.ntlmv2Blob(0, hex("AAAAAAAAAAAAAAAA").toByteArray(), challenge.targetInfo());
        assertThat(temp).isEqualTo(Vectors.load("n1-temp"));
        byte[] serverChallenge = challenge.serverChallenge().toByteArray();
        byte[] proof = NtlmCrypto.hmacMd5(responseKey, serverChallenge, temp);
        assertThat(Bytes.wrap(proof)).isEqualTo(hex("68CD0AB851E51C96AABC927BEBEF6A1C"));
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKey, proof);
        assertThat(Bytes.wrap(sessionBaseKey)).isEqualTo(hex("8DE40CCADBC14A82F15CB0AD0DE95CA3"));
        assertThat(Bytes.wrap(NtlmCrypto.rc4(sessionBaseKey, hex("55".repeat(16)).toByteArray())))
                .isEqualTo(hex("C5DAD2544FC9799094CE1CE90BC9D03E"));
        byte[] exported = hex("55".repeat(16)).toByteArray();
        assertThat(Bytes.wrap(NtlmCrypto.signKey(exported, true))).isEqualTo(hex("4788DC861B4782F35D43FD98FE1A2D39"));
        assertThat(Bytes.wrap(NtlmCrypto.sealKey(exported, true))).isEqualTo(hex("59F600973CC4960A25480A7C196E4C58"));
    }

    @Test
    void n1MessagesDecodeAndReencodeExactly() {
        byte[] challenge = Vectors.load("n1-challenge-message");
        assertThat(NtlmCodec.encode(NtlmCodec.decodeChallenge(Bytes.wrap(challenge)))).isEqualTo(challenge);
        byte[] authenticate = Vectors.load("n1-authenticate-message");
        NtlmAuthenticate decoded = NtlmCodec.decodeAuthenticate(Bytes.wrap(authenticate));
        assertThat(decoded.user()).isEqualTo("User");
        assertThat(decoded.domain()).isEqualTo("Domain");
        assertThat(decoded.workstation()).isEqualTo("COMPUTER");
        assertThat(decoded.mic()).isEqualTo(Bytes.EMPTY);
        assertThat(decoded.ntChallengeResponse().toByteArray()).isEqualTo(Vectors.load("n1-nt-challenge-response"));
        assertThat(NtlmCodec.encode(decoded)).isEqualTo(authenticate);
    }

    @Test
    void n1ServerAcceptsTheSpecificationsAuthenticateMessage() throws AuthenticationException {
        NtlmServer server = new NtlmServer(UserStore.parse("User:password:Password"), AuthPolicy.USERS_ONLY,
                ServerIdentity.standalone("server"), new FixedRandom("0123456789ABCDEF"), Clock.systemUTC());
        server.challenge(NtlmCodec.encode(new NtlmNegotiate(NtlmFlags.SUPPORTED, "", "", Bytes.EMPTY)));
        AuthenticatedUser user = server.authenticate(Vectors.load("n1-authenticate-message"));
        assertThat(user.kind()).isEqualTo(AuthenticatedUser.Kind.USER);
        assertThat(user.sessionKey()).isEqualTo(hex("55".repeat(16)));
    }

    @Test
    void n2AndN3TheV3SessionKeyAndMic() throws AuthenticationException {
        byte[] authenticate = Vectors.load("n2-authenticate-message");
        NtlmAuthenticate decoded = NtlmCodec.decodeAuthenticate(Bytes.wrap(authenticate));
        assertThat(decoded.mic()).isEqualTo(hex("ECAC77A5F385A8BF9C38C706EEEDDCD3"));
        assertThat(decoded.user()).isEqualTo("administrator");
        assertThat(NtlmCodec.encode(decoded)).isEqualTo(authenticate);

        NtlmServer server = new NtlmServer(UserStore.parse("administrator:password:Password01!"),
                AuthPolicy.USERS_ONLY, ServerIdentity.standalone("SUT311"), new FixedRandom(), Clock.systemUTC());
        server.resumeAfter(Vectors.load("n3-negotiate-message"), Vectors.load("n3-challenge-message"));
        AuthenticatedUser user = server.authenticate(authenticate);
        assertThat(user.sessionKey()).isEqualTo(hex("270E1BA896585EEB7AF3472D3B4C75A7"));
        assertThat(server.micVerified()).isTrue();

        byte[] mechTypes = SpnegoToken.mechTypeList(List.of(SpnegoToken.NTLMSSP_OID));
        assertThat(Bytes.wrap(mechTypes)).isEqualTo(hex("300C060A2B06010401823702020A"));
        assertThat(Bytes.wrap(server.signer(true).getMic(mechTypes, 0)))
                .isEqualTo(hex("0100000063775A9A5FD97F0600000000"));
        assertThat(Bytes.wrap(server.signer(false).getMic(mechTypes, 0)))
                .isEqualTo(hex("010000003B453CDC3524164200000000"));
        byte[] exported = hex("270E1BA896585EEB7AF3472D3B4C75A7").toByteArray();
        assertThat(Bytes.wrap(NtlmCrypto.signKey(exported, false))).isEqualTo(hex("E1BD8B416B0B709D295E12F2CF18E6C5"));
        assertThat(Bytes.wrap(NtlmCrypto.sealKey(exported, false))).isEqualTo(hex("B0F5A0B32C81FF34A878E1409B3B0EF2"));
    }

    @Test
    void n2ATamperedMicIsALogonFailure() {
        byte[] authenticate = Vectors.load("n2-authenticate-message");
        authenticate[NtlmAuthenticate.MIC_OFFSET] ^= 1;
        NtlmServer server = new NtlmServer(UserStore.parse("administrator:password:Password01!"),
                AuthPolicy.USERS_ONLY, ServerIdentity.standalone("SUT311"), new FixedRandom(), Clock.systemUTC());
        server.resumeAfter(Vectors.load("n3-negotiate-message"), Vectors.load("n3-challenge-message"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.authenticate(authenticate))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.status()).isEqualTo(dev.smbq.smb2.spec.NtStatus.LOGON_FAILURE));
    }

    @Test
    void n3SpnegoTokensDecodeAndReencodeExactly() {
        byte[] init = Vectors.load("n3-spnego-init");
        SpnegoToken.NegTokenInit negTokenInit = SpnegoToken.decodeInit(init);
        assertThat(negTokenInit.mechTypes()).containsExactly(SpnegoToken.NTLMSSP_OID);
        assertThat(negTokenInit.mechToken().toByteArray()).isEqualTo(Vectors.load("n3-negotiate-message"));
        assertThat(SpnegoToken.encode(negTokenInit)).isEqualTo(init);

        byte[] challenge = Vectors.load("n3-spnego-challenge");
        SpnegoToken.NegTokenResp resp = SpnegoToken.decodeResp(challenge);
        assertThat(resp.negState()).isEqualTo(SpnegoToken.ACCEPT_INCOMPLETE);
        assertThat(resp.supportedMech()).isEqualTo(SpnegoToken.NTLMSSP_OID);
        assertThat(resp.responseToken().toByteArray()).isEqualTo(Vectors.load("n3-challenge-message"));
        assertThat(SpnegoToken.encode(resp)).isEqualTo(challenge);

        byte[] last = Vectors.load("n3-spnego-final");
        SpnegoToken.NegTokenResp finalResp = SpnegoToken.decodeResp(last);
        assertThat(finalResp.negState()).isEqualTo(SpnegoToken.ACCEPT_COMPLETED);
        assertThat(finalResp.mechListMic()).isEqualTo(hex("010000003B453CDC3524164200000000"));
        assertThat(SpnegoToken.encode(finalResp)).isEqualTo(last);

        byte[] negotiate = Vectors.load("n3-negotiate-message");
        assertThat(NtlmCodec.encode(NtlmCodec.decodeNegotiate(Bytes.wrap(negotiate)))).isEqualTo(negotiate);
    }
}
