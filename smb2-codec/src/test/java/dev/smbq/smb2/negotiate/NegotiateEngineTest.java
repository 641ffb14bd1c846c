package dev.smbq.smb2.negotiate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.codec.Smb2Codec;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.NetnameNegotiateContextId;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.message.context.RawNegotiateContext;
import dev.smbq.smb2.message.context.SigningCapabilities;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.NegotiateContextType;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NegotiateEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final UUID CLIENT_GUID = UUID.fromString("21a63604-ef37-11ea-bb9e-00155d546615");
    private static final NegotiatePolicy CLIENT = NegotiatePolicy.defaults().withServerName("files.example");
    private static final NegotiatePolicy SERVER = NegotiatePolicy.defaults().withSigningRequired(true);

    private static ClientNegotiator client(NegotiatePolicy policy, TransportKind transport) {
        return new ClientNegotiator(policy, transport, CLIENT_GUID, new Random(1));
    }

    private static ServerNegotiator server(NegotiatePolicy policy, TransportKind transport) {
        return new ServerNegotiator(policy, transport, UUID.fromString("39cbcaf3-2971-4942-bdce-5d60f09ab3fb"),
                Bytes.EMPTY, new Random(2), CLOCK);
    }

    private static NegotiateResponse responseOf(byte[] bytes) {
        return (NegotiateResponse) Smb2Codec.decode(Bytes.wrap(bytes)).body();
    }

    private static byte[] encode(NegotiateRequest request) {
        return Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.NEGOTIATE, 0), request));
    }

    private static NegotiateRequest request311(List<NegotiateContext> contexts) {
        return new NegotiateRequest(1, 0, CLIENT_GUID, List.of(Dialect.SMB_3_0_2, Dialect.SMB_3_1_1), contexts);
    }

    private static final PreauthIntegrityCapabilities PREAUTH =
            new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.wrap(new byte[32]));

    @Test
    void overQuicTheClientOffersAndTheServerEchoesTransportLevelSecurity() throws Exception {
        ClientNegotiator client = client(CLIENT, TransportKind.QUIC);
        assertThat(client.request().negotiateContexts()).contains(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.QUIC).negotiate(client.requestBytes());
        assertThat(responseOf(accepted.response()).negotiateContexts())
                .contains(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
        NegotiatedParameters clientView = client.complete(accepted.response());
        assertThat(clientView.acceptTransportSecurity()).isTrue();
        assertThat(accepted.parameters().acceptTransportSecurity()).isTrue();
        assertThat(clientView.dialect()).isEqualTo(Dialect.SMB_3_1_1);
        assertThat(clientView.signingRequired()).isTrue();
        assertThat(clientView.preauthIntegrityHash()).isEqualTo(accepted.parameters().preauthIntegrityHash());
    }

    @Test
    void overTcpTheClientNeverOffersTransportLevelSecurity() throws Exception {
        ClientNegotiator client = client(CLIENT, TransportKind.TCP);
        assertThat(client.request().negotiateContexts()).noneMatch(TransportCapabilities.class::isInstance);
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP).negotiate(client.requestBytes());
        assertThat(client.complete(accepted.response()).acceptTransportSecurity()).isFalse();
    }

    @Test
    void overTcpTheServerIgnoresTheContextEvenWhenSent() {
        byte[] request = encode(request311(List.of(PREAUTH, TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY)));
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP).negotiate(request);
        assertThat(accepted.parameters().acceptTransportSecurity()).isFalse();
        assertThat(responseOf(accepted.response()).negotiateContexts()).noneMatch(TransportCapabilities.class::isInstance);
    }

    @Test
    void aClientPolicyThatForcesEncryptionDoesNotOffer() {
        ClientNegotiator client = client(CLIENT.withAcceptTransportSecurity(false), TransportKind.QUIC);
        assertThat(client.request().negotiateContexts()).noneMatch(TransportCapabilities.class::isInstance);
    }

    @Test
    void aServerPolicyThatRefusesDoesNotEcho() throws Exception {
        ClientNegotiator client = client(CLIENT, TransportKind.QUIC);
        var accepted = (ServerNegotiation.Accepted) server(SERVER.withAcceptTransportSecurity(false), TransportKind.QUIC)
                .negotiate(client.requestBytes());
        assertThat(responseOf(accepted.response()).negotiateContexts()).noneMatch(TransportCapabilities.class::isInstance);
        assertThat(client.complete(accepted.response()).acceptTransportSecurity()).isFalse();
    }

    @Test
    void theServerDoesNotAcceptWhenTheClientFlagIsClear() {
        byte[] request = encode(request311(List.of(PREAUTH, new TransportCapabilities(0))));
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.QUIC).negotiate(request);
        assertThat(accepted.parameters().acceptTransportSecurity()).isFalse();
    }

    @Test
    void aClientOnTcpIgnoresAnEchoItNeverAskedFor() throws Exception {
        ClientNegotiator client = client(CLIENT, TransportKind.TCP);
        // a (broken) server that echoes anyway, as if on QUIC
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.QUIC).negotiate(encode(request311(
                List.of(PREAUTH, TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY))));
        NegotiateResponse response = responseOf(accepted.response());
        assertThat(response.negotiateContexts()).contains(TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY);
        assertThat(client.complete(accepted.response()).acceptTransportSecurity()).isFalse();
    }

    @Test
    void theServerPicksByItsOwnPreferenceAmongWhatWasOffered() {
        byte[] request = encode(request311(List.of(PREAUTH,
                new EncryptionCapabilities(List.of(CipherId.AES_128_CCM, CipherId.AES_256_GCM)),
                new SigningCapabilities(List.of(SigningAlgorithm.AES_CMAC, SigningAlgorithm.AES_GMAC)))));
        NegotiatePolicy policy = SERVER.withCiphers(List.of(CipherId.AES_256_GCM, CipherId.AES_128_CCM));
        var accepted = (ServerNegotiation.Accepted) server(policy, TransportKind.QUIC).negotiate(request);
        assertThat(accepted.parameters().cipher()).isEqualTo(CipherId.AES_256_GCM);
        assertThat(accepted.parameters().signingAlgorithm()).isEqualTo(SigningAlgorithm.AES_GMAC);
    }

    @Test
    void noCommonCipherIsAnsweredWithCipherZero() {
        byte[] request = encode(request311(List.of(PREAUTH, new EncryptionCapabilities(List.of(new CipherId(0x0009))))));
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP).negotiate(request);
        assertThat(accepted.parameters().cipher()).isEqualTo(CipherId.NONE);
        assertThat(responseOf(accepted.response()).negotiateContexts())
                .contains(new EncryptionCapabilities(List.of(CipherId.NONE)));
    }

    @Test
    void noCommonSigningAlgorithmFallsBackToAesCmac() {
        byte[] request = encode(request311(List.of(PREAUTH, new SigningCapabilities(List.of(SigningAlgorithm.HMAC_SHA256)))));
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP).negotiate(request);
        assertThat(accepted.parameters().signingAlgorithm()).isEqualTo(SigningAlgorithm.AES_CMAC);
        assertThat(responseOf(accepted.response()).negotiateContexts())
                .contains(new SigningCapabilities(List.of(SigningAlgorithm.AES_CMAC)));
    }

    @Test
    void theServerNeverSendsNetnameAndIgnoresUnknownContexts() {
        byte[] request = encode(request311(List.of(PREAUTH, new NetnameNegotiateContextId("files.example"),
                new RawNegotiateContext(new NegotiateContextType(0x7777), Bytes.fromHex("01")))));
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.QUIC).negotiate(request);
        assertThat(responseOf(accepted.response()).negotiateContexts())
                .noneMatch(NetnameNegotiateContextId.class::isInstance)
                .noneMatch(RawNegotiateContext.class::isInstance);
    }

    @Test
    void missingPreauthIsInvalidParameter() {
        assertRejected(request311(List.of(new EncryptionCapabilities(List.of(CipherId.AES_128_GCM)))),
                NtStatus.INVALID_PARAMETER);
    }

    @Test
    void duplicateContextsAreInvalidParameter() {
        assertRejected(request311(List.of(PREAUTH, PREAUTH)), NtStatus.INVALID_PARAMETER);
        assertRejected(request311(List.of(PREAUTH, TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY,
                TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY)), NtStatus.INVALID_PARAMETER);
    }

    @Test
    void emptyAlgorithmListsAreInvalidParameter() {
        assertRejected(request311(List.of(PREAUTH, new EncryptionCapabilities(List.of()))), NtStatus.INVALID_PARAMETER);
        assertRejected(request311(List.of(PREAUTH, new SigningCapabilities(List.of()))), NtStatus.INVALID_PARAMETER);
        assertRejected(request311(List.of(new PreauthIntegrityCapabilities(List.of(), Bytes.EMPTY))),
                NtStatus.INVALID_PARAMETER);
    }

    @Test
    void noCommonHashIsItsOwnStatus() {
        assertRejected(request311(List.of(new PreauthIntegrityCapabilities(List.of(new HashAlgorithm(2)), Bytes.EMPTY))),
                NtStatus.SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP);
    }

    @Test
    void contextDataShorterThanItsStructureIsInvalidParameter() {
        byte[] request = encode(request311(List.of(PREAUTH, new TransportCapabilities(1))));
        // shrink the last context's DataLength from 4 to 2 (and the message with it)
        int contextStart = request.length - 12;
        request[contextStart + 2] = 2;
        byte[] shortened = java.util.Arrays.copyOf(request, request.length - 2);
        assertThat(server(SERVER, TransportKind.QUIC).negotiate(shortened))
                .isInstanceOfSatisfying(ServerNegotiation.Rejected.class,
                        rejected -> assertThat(rejected.status()).isEqualTo(NtStatus.INVALID_PARAMETER));
    }

    @Test
    void noCommonDialectIsNotSupported() {
        NegotiateRequest request = new NegotiateRequest(1, 0, CLIENT_GUID, List.of(new Dialect(0x0222)), List.of());
        assertRejected(request, NtStatus.NOT_SUPPORTED);
    }

    @Test
    void overQuicOnlyDialect311IsOfferedOrAccepted() {
        // [MS-SMB2] 2.1: 3.1.1 is the dialect that runs over QUIC
        assertThat(client(CLIENT, TransportKind.QUIC).request().dialects()).containsExactly(Dialect.SMB_3_1_1);
        assertThat(client(CLIENT, TransportKind.TCP).request().dialects()).hasSize(5);
        assertThatThrownBy(() -> client(CLIENT.withDialects(List.of(Dialect.SMB_3_0_2)), TransportKind.QUIC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.1.1");
        assertRejected(new NegotiateRequest(1, 0, CLIENT_GUID, List.of(Dialect.SMB_2_1, Dialect.SMB_3_0_2), List.of()),
                NtStatus.NOT_SUPPORTED);
        assertThat(server(SERVER, TransportKind.QUIC).negotiateSmb1(Smb1Bytes.negotiate("NT LM 0.12", "SMB 2.002")))
                .isInstanceOf(ServerNegotiation.Disconnect.class);
        assertThat(server(SERVER, TransportKind.QUIC).negotiateSmb1(Smb1Bytes.negotiate("SMB 2.002", "SMB 2.???")))
                .isInstanceOf(ServerNegotiation.Upgraded.class);
    }

    @Test
    void aSecondNegotiateDisconnects() {
        ServerNegotiator server = server(SERVER, TransportKind.QUIC);
        byte[] request = client(CLIENT, TransportKind.QUIC).requestBytes();
        assertThat(server.negotiate(request)).isInstanceOf(ServerNegotiation.Accepted.class);
        assertThat(server.negotiate(request)).isInstanceOf(ServerNegotiation.Disconnect.class);
    }

    @Test
    void olderDialectsNegotiateWithoutContexts() throws Exception {
        ClientNegotiator client = client(CLIENT.withDialects(List.of(Dialect.SMB_2_1, Dialect.SMB_3_0)),
                TransportKind.TCP);
        assertThat(client.request().negotiateContexts()).isEmpty();
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP).negotiate(client.requestBytes());
        NegotiatedParameters parameters = client.complete(accepted.response());
        assertThat(parameters.dialect()).isEqualTo(Dialect.SMB_3_0);
        assertThat(parameters.cipher()).isEqualTo(CipherId.AES_128_CCM);
        assertThat(parameters.signingAlgorithm()).isEqualTo(SigningAlgorithm.AES_CMAC);
        assertThat(parameters.preauthIntegrityHash()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void theClientRejectsACipherItDidNotOffer() {
        ClientNegotiator client = client(CLIENT.withCiphers(List.of(CipherId.AES_128_GCM)), TransportKind.QUIC);
        byte[] response = forgedResponse(List.of(PREAUTH, new EncryptionCapabilities(List.of(CipherId.AES_256_CCM))));
        assertThatThrownBy(() -> client.complete(response)).isInstanceOfSatisfying(NegotiationException.class,
                e -> assertThat(e.peerError()).isFalse());
    }

    @Test
    void theClientRejectsAHashOrSigningAlgorithmItDidNotOfferAndDuplicates() {
        ClientNegotiator client = client(CLIENT, TransportKind.QUIC);
        assertThatThrownBy(() -> client.complete(forgedResponse(List.of(
                new PreauthIntegrityCapabilities(List.of(new HashAlgorithm(2)), Bytes.EMPTY)))))
                .isInstanceOf(NegotiationException.class);
        assertThatThrownBy(() -> client.complete(forgedResponse(List.of(PREAUTH,
                new SigningCapabilities(List.of(SigningAlgorithm.HMAC_SHA256))))))
                .isInstanceOf(NegotiationException.class);
        assertThatThrownBy(() -> client.complete(forgedResponse(List.of(PREAUTH, PREAUTH))))
                .isInstanceOf(NegotiationException.class);
        assertThatThrownBy(() -> client.complete(forgedResponse(List.of())))
                .isInstanceOf(NegotiationException.class);
    }

    @Test
    void theClientReportsAServerErrorAsAPeerError() {
        ClientNegotiator client = client(CLIENT, TransportKind.QUIC);
        var rejected = (ServerNegotiation.Rejected) server(SERVER, TransportKind.QUIC)
                .negotiate(encode(request311(List.of())));
        assertThatThrownBy(() -> client.complete(rejected.response())).isInstanceOfSatisfying(
                NegotiationException.class, e -> {
                    assertThat(e.peerError()).isTrue();
                    assertThat(e.status()).isEqualTo(NtStatus.INVALID_PARAMETER);
                });
    }

    @Test
    void smb1MultiProtocolNegotiateIsAnsweredWithTheWildcardDialect() {
        ServerNegotiator server = server(SERVER, TransportKind.TCP);
        var upgraded = (ServerNegotiation.Upgraded) server.negotiateSmb1(Smb1Bytes.negotiate("NT LM 0.12", "SMB 2.002",
                "SMB 2.???"));
        assertThat(responseOf(upgraded.response()).dialectRevision()).isEqualTo(Dialect.SMB_2_WILDCARD);
        assertThat(server.negotiate(client(CLIENT, TransportKind.TCP).requestBytes()))
                .isInstanceOf(ServerNegotiation.Accepted.class);
    }

    @Test
    void smb1WithOnlySmb2002SettlesOn202() {
        var accepted = (ServerNegotiation.Accepted) server(SERVER, TransportKind.TCP)
                .negotiateSmb1(Smb1Bytes.negotiate("NT LM 0.12", "SMB 2.002"));
        assertThat(accepted.parameters().dialect()).isEqualTo(Dialect.SMB_2_0_2);
        assertThat(server(SERVER, TransportKind.TCP).negotiateSmb1(Smb1Bytes.negotiate("NT LM 0.12")))
                .isInstanceOf(ServerNegotiation.Disconnect.class);
    }

    @Test
    void preauthHashOfTheV1NegotiateMatchesTheVector() {
        PreauthIntegrityHash h1 = PreauthIntegrityHash.initial().update(Vectors.load("v1-negotiate-request"));
        assertThat(h1.value().toByteArray()).isEqualTo(Vectors.load("v1-preauth-h1"));
        PreauthIntegrityHash h2 = h1.update(Vectors.load("v1-negotiate-response"));
        assertThat(h2.value().toByteArray()).isEqualTo(Vectors.load("v1-preauth-h2"));
        PreauthIntegrityHash h5 = h2.update(Vectors.load("v1-session-setup-request-1"))
                .update(Vectors.load("v1-session-setup-response-1"))
                .update(Vectors.load("v1-session-setup-request-2"));
        assertThat(h5.value().toByteArray()).isEqualTo(Vectors.load("v1-preauth-h5"));
    }

    @Test
    void theClientComputesTheV3ConnectionHashFromRealMessages() throws Exception {
        // The V3 response chose AES-128-GCM; a client that offered it accepts the real Windows response.
        byte[] request = Vectors.load("v3-negotiate-request");
        byte[] response = Vectors.load("v3-negotiate-response");
        assertThat(PreauthIntegrityHash.initial().update(request).update(response).value().toByteArray())
                .isEqualTo(Vectors.load("v3-preauth-h2"));
    }

    private byte[] forgedResponse(List<NegotiateContext> contexts) {
        NegotiateResponse response = new NegotiateResponse(1, Dialect.SMB_3_1_1, UUID.randomUUID(), 0, 65536, 65536,
                65536, 0, 0, Bytes.EMPTY, new ArrayList<>(contexts));
        Smb2Header header = Smb2Header.responseTo(Smb2Header.request(Command.NEGOTIATE, 0), NtStatus.SUCCESS, 1);
        return Smb2Codec.encode(new Smb2Message(header, response));
    }

    private void assertRejected(NegotiateRequest request, NtStatus status) {
        ServerNegotiation outcome = server(SERVER, TransportKind.QUIC).negotiate(encode(request));
        assertThat(outcome).isInstanceOfSatisfying(ServerNegotiation.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(status));
    }
}
