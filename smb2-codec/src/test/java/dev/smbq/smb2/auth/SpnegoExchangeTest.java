package dev.smbq.smb2.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our SPNEGO/NTLMv2 client against our server: the whole exchange, and each way it must fail. */
class SpnegoExchangeTest {
    private static final UserStore USERS = UserStore.parse("""
            # test users
            alice:password:Secret 1:2
            bob:nthash:7C4FE5EADA682714A036E39378362BAB
            """);

    private static NtlmServer ntlmServer(AuthPolicy policy) {
        return new NtlmServer(USERS, policy, ServerIdentity.standalone("files.example"), new SecureRandom(),
                Clock.systemUTC());
    }

    private static NtlmClient ntlmClient(Credentials credentials) {
        return new NtlmClient(credentials, "WORKSTATION", "cifs/files.example", new SecureRandom(), Clock.systemUTC());
    }

    /** Runs the exchange; returns the server's view after checking both sides agree on the key. */
    private static AuthenticatedUser exchange(Credentials credentials, AuthPolicy policy) throws AuthenticationException {
        SpnegoClient client = new SpnegoClient(ntlmClient(credentials));
        SpnegoServer server = new SpnegoServer(ntlmServer(policy));
        AuthStep challenge = server.accept(client.initialToken());
        AuthStep authenticate = client.next(challenge.token().toByteArray());
        AuthStep last = server.accept(authenticate.token().toByteArray());
        assertThat(last.complete()).isTrue();
        if (server.user().kind() == AuthenticatedUser.Kind.USER) {
            assertThat(client.next(last.token().toByteArray()).complete()).isTrue();
            assertThat(client.sessionKey()).isEqualTo(server.user().sessionKey());
        }
        return server.user();
    }

    @Test
    void passwordAndNtHashUsersAuthenticateAndShareTheSessionKey() throws AuthenticationException {
        AuthenticatedUser alice = exchange(Credentials.password("ALICE", "WORKGROUP", "Secret 1:2"), AuthPolicy.USERS_ONLY);
        assertThat(alice.kind()).isEqualTo(AuthenticatedUser.Kind.USER);
        assertThat(alice.sessionKey().length()).isEqualTo(16);
        assertThat(exchange(Credentials.password("bob", "", "Password01!"), AuthPolicy.USERS_ONLY).user())
                .isEqualTo("bob");
    }

    @Test
    void aWrongPasswordIsALogonFailure() {
        assertThatThrownBy(() -> exchange(Credentials.password("alice", "", "wrong"), AuthPolicy.USERS_ONLY))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.status()).isEqualTo(NtStatus.LOGON_FAILURE));
    }

    @Test
    void unknownUsersFailUnlessGuestsAreAllowed() throws AuthenticationException {
        Credentials mallory = Credentials.password("mallory", "", "x");
        assertThatThrownBy(() -> exchange(mallory, AuthPolicy.USERS_ONLY)).isInstanceOf(AuthenticationException.class);
        AuthenticatedUser guest = exchange(mallory, new AuthPolicy(true, false));
        assertThat(guest.kind()).isEqualTo(AuthenticatedUser.Kind.GUEST);
        assertThat(guest.sessionKey()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void anonymousNeedsItsOwnPolicy() throws AuthenticationException {
        assertThatThrownBy(() -> exchange(Credentials.anonymous(), AuthPolicy.USERS_ONLY))
                .isInstanceOf(AuthenticationException.class);
        assertThat(exchange(Credentials.anonymous(), new AuthPolicy(false, true)).kind())
                .isEqualTo(AuthenticatedUser.Kind.ANONYMOUS);
    }

    @Test
    void anNtlmv1ResponseIsRefused() throws AuthenticationException {
        NtlmServer server = ntlmServer(AuthPolicy.USERS_ONLY);
        server.challenge(ntlmClient(Credentials.password("alice", "", "Secret 1:2")).negotiate());
        byte[] v1 = NtlmCodec.encode(new NtlmAuthenticate(Bytes.wrap(new byte[24]), Bytes.wrap(new byte[24]), "",
                "alice", "", Bytes.EMPTY, NtlmFlags.SUPPORTED, Bytes.EMPTY, Bytes.EMPTY));
        assertThatThrownBy(() -> server.authenticate(v1)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.status()).isEqualTo(NtStatus.LOGON_FAILURE));
        byte[] lmOnly = NtlmCodec.encode(new NtlmAuthenticate(Bytes.wrap(new byte[24]), Bytes.EMPTY, "", "alice", "",
                Bytes.EMPTY, NtlmFlags.SUPPORTED, Bytes.EMPTY, Bytes.EMPTY));
        assertThatThrownBy(() -> server.authenticate(lmOnly)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aMissingOrWrongClientMechListMicIsRefused() throws AuthenticationException {
        SpnegoClient client = new SpnegoClient(ntlmClient(Credentials.password("alice", "", "Secret 1:2")));
        SpnegoServer server = new SpnegoServer(ntlmServer(AuthPolicy.USERS_ONLY));
        AuthStep challenge = server.accept(client.initialToken());
        byte[] authenticate = client.next(challenge.token().toByteArray()).token().toByteArray();
        SpnegoToken.NegTokenResp resp = SpnegoToken.decodeResp(authenticate);
        byte[] withoutMic = SpnegoToken.encode(new SpnegoToken.NegTokenResp(resp.negState(), "", resp.responseToken(),
                Bytes.EMPTY));
        assertThatThrownBy(() -> server.accept(withoutMic)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theClientRefusesAServerWithoutAValidMechListMic() throws AuthenticationException {
        SpnegoClient client = new SpnegoClient(ntlmClient(Credentials.password("alice", "", "Secret 1:2")));
        SpnegoServer server = new SpnegoServer(ntlmServer(AuthPolicy.USERS_ONLY));
        AuthStep challenge = server.accept(client.initialToken());
        server.accept(client.next(challenge.token().toByteArray()).token().toByteArray());
        byte[] forged = SpnegoToken.encode(new SpnegoToken.NegTokenResp(SpnegoToken.ACCEPT_COMPLETED, "", Bytes.EMPTY,
                Bytes.fromHex("01000000000000000000000000000000")));
        assertThatThrownBy(() -> client.next(forged)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aClientPreferringAnotherMechanismStillGetsNtlmWithAMandatoryMechListMic() throws AuthenticationException {
        NtlmClient ntlm = ntlmClient(Credentials.password("alice", "", "Secret 1:2"));
        SpnegoServer server = new SpnegoServer(ntlmServer(AuthPolicy.USERS_ONLY));
        List<String> mechs = List.of("1.2.840.48018.1.2.2", SpnegoToken.NTLMSSP_OID);
        AuthStep selected = server.accept(SpnegoToken.encode(new SpnegoToken.NegTokenInit(mechs,
                Bytes.fromHex("6082"), Bytes.EMPTY)));
        assertThat(SpnegoToken.decodeResp(selected.token().toByteArray()).supportedMech())
                .isEqualTo(SpnegoToken.NTLMSSP_OID);
        AuthStep challenge = server.accept(SpnegoToken.encode(new SpnegoToken.NegTokenResp(-1, "",
                Bytes.wrap(ntlm.negotiate()), Bytes.EMPTY)));
        byte[] authenticate = ntlm.authenticate(SpnegoToken.decodeResp(challenge.token().toByteArray())
                .responseToken().toByteArray());
        Bytes mic = Bytes.wrap(ntlm.signer(true).getMic(SpnegoToken.mechTypeList(mechs), 0));
        AuthStep last = server.accept(SpnegoToken.encode(new SpnegoToken.NegTokenResp(-1, "", Bytes.wrap(authenticate),
                mic)));
        assertThat(last.complete()).isTrue();
        assertThat(server.user().sessionKey()).isEqualTo(ntlm.exportedSessionKey());
    }

    @Test
    void rawNtlmsspWithoutSpnegoIsAccepted() throws AuthenticationException {
        NtlmClient ntlm = ntlmClient(Credentials.password("bob", "", "Password01!"));
        SpnegoServer server = new SpnegoServer(ntlmServer(AuthPolicy.USERS_ONLY));
        AuthStep challenge = server.accept(ntlm.negotiate());
        server.accept(ntlm.authenticate(challenge.token().toByteArray()));
        assertThat(server.user().sessionKey()).isEqualTo(ntlm.exportedSessionKey());
    }

    @Test
    void garbageTokensAreInvalidParameter() {
        for (String hex : new String[] {"", "00", "6003060100", "A1023000", "4E544C4D5353500003000000FFFF"}) {
            SpnegoServer server = new SpnegoServer(ntlmServer(AuthPolicy.USERS_ONLY));
            assertThatThrownBy(() -> server.accept(Bytes.fromHex(hex).toByteArray())).as(hex)
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void userStoreRejectsMalformedLines() {
        assertThatThrownBy(() -> UserStore.parse("alice")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> UserStore.parse("\nbob:nthash:1234")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> UserStore.parse("a:password:x\nA:password:y")).hasMessageContaining("twice");
        assertThat(USERS.ntHash("BOB")).contains(Bytes.fromHex("7C4FE5EADA682714A036E39378362BAB"));
    }
}
