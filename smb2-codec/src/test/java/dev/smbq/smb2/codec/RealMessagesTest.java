package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.message.ErrorResponse;
import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.ReadRequest;
import dev.smbq.smb2.message.ReadResponse;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.SessionSetupResponse;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.TransformMessage;
import dev.smbq.smb2.message.WriteRequest;
import dev.smbq.smb2.message.WriteResponse;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real Windows messages (test vectors V1 and V3) decode, and re-encode to the identical bytes. */
class RealMessagesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "v1-negotiate-request", "v1-negotiate-response", "v1-session-setup-request-1",
            "v1-session-setup-response-1", "v1-session-setup-request-2", "v1-session-setup-response-final",
            "v3-negotiate-request", "v3-negotiate-response", "v3-session-setup-request-1",
            "v3-session-setup-response-1", "v3-session-setup-request-2", "v3-session-setup-response-final",
            "v1-write-request-plaintext", "v1-write-response-plaintext", "v1-read-request-plaintext",
            "v1-read-response-plaintext"})
    void decodesAndReencodesToTheSameBytes(String vector) {
        byte[] wire = Vectors.load(vector);
        Smb2Message message = Smb2Codec.decode(Bytes.wrap(wire));
        assertThat(Smb2Codec.encode(message)).isEqualTo(wire);
    }

    @Test
    void v1NegotiateRequestFields() {
        Smb2Message message = Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-negotiate-request")));
        NegotiateRequest request = (NegotiateRequest) message.body();
        assertThat(request.dialects()).containsExactly(Dialect.SMB_2_0_2, Dialect.SMB_2_1, Dialect.SMB_3_0,
                Dialect.SMB_3_0_2, Dialect.SMB_3_1_1);
        assertThat(request.securityMode()).isEqualTo(1);
        assertThat(request.capabilities()).isEqualTo(0x66);
        assertThat(request.clientGuid()).isEqualTo(UUID.fromString("a07f0d4f-f509-46b2-b2ef-62551d7d7c09"));
        assertThat(NegotiateCodecs.contextOffset(request)).isEqualTo(0x70);
        assertThat(request.negotiateContexts()).hasSize(2);
        var preauth = (PreauthIntegrityCapabilities) request.negotiateContexts().get(0);
        assertThat(preauth.salt()).isEqualTo(
                Bytes.fromHex("D1709D7196E1BD0B6EBF95213D76553435763514392649FD6F216ED8BF269CD8"));
        assertThat(request.negotiateContexts().get(1))
                .isEqualTo(new EncryptionCapabilities(List.of(CipherId.AES_128_GCM, CipherId.AES_128_CCM)));
    }

    @Test
    void v1NegotiateResponseFields() {
        NegotiateResponse response = (NegotiateResponse)
                Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-negotiate-response"))).body();
        assertThat(response.dialectRevision()).isEqualTo(Dialect.SMB_3_1_1);
        assertThat(response.capabilities()).isEqualTo(0x27);
        assertThat(response.maxReadSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(response.securityBuffer().length()).isEqualTo(320);
        assertThat(NegotiateCodecs.contextOffset(response)).isEqualTo(0x1C0);
        assertThat(response.negotiateContexts().get(1))
                .isEqualTo(new EncryptionCapabilities(List.of(CipherId.AES_128_GCM)));
    }

    @Test
    void sessionSetupMessagesCarryTheirTokensAndStatus() {
        Smb2Message first = Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-session-setup-request-1")));
        assertThat(((SessionSetupRequest) first.body()).securityBuffer().length()).isEqualTo(74);

        Smb2Message challenge = Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-session-setup-response-1")));
        assertThat(challenge.header().ntStatus()).isEqualTo(NtStatus.MORE_PROCESSING_REQUIRED);
        assertThat(challenge.body()).isInstanceOf(SessionSetupResponse.class).isNotInstanceOf(ErrorResponse.class);

        Smb2Message last = Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-session-setup-response-final")));
        assertThat(last.header().isSigned()).isTrue();
        assertThat(last.header().signature()).isEqualTo(Bytes.fromHex("6B85A4519A0F3EEA35BA946DD3AFE6B8"));
        assertThat(last.header().sessionId()).isEqualTo(0x100000000025L);
    }

    @Test
    void writeAndReadCarryTheirData() {
        byte[] text = "Smb3 encryption testing".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        WriteRequest write = (WriteRequest) Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-write-request-plaintext"))).body();
        assertThat(write.data().toByteArray()).isEqualTo(text);
        WriteResponse written = (WriteResponse) Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-write-response-plaintext"))).body();
        assertThat(written.count()).isEqualTo(text.length);
        ReadRequest read = (ReadRequest) Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-read-request-plaintext"))).body();
        assertThat(read.length()).isEqualTo(text.length);
        ReadResponse data = (ReadResponse) Smb2Codec.decode(Bytes.wrap(Vectors.load("v1-read-response-plaintext"))).body();
        assertThat(data.data().toByteArray()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1-write-request-transform", "v1-write-response-transform",
            "v1-read-request-transform", "v1-read-response-transform"})
    void transformsDecodeAndReencode(String vector) {
        byte[] wire = Vectors.load(vector);
        TransformMessage transform = TransformCodec.decode(Bytes.wrap(wire));
        assertThat(transform.header().sessionId()).isEqualTo(0x100000000025L);
        assertThat(transform.header().flags()).isEqualTo(1);
        assertThat(TransformCodec.encode(transform)).isEqualTo(wire);
    }

    @Test
    void chainedCompressedMessageDecodesAndReencodes() {
        byte[] wire = Vectors.load("compression-chained-smb-rs");
        var message = (dev.smbq.smb2.message.ChainedCompressedMessage) CompressionCodec.decode(Bytes.wrap(wire));
        assertThat(message.originalCompressedSegmentSize()).isEqualTo(368);
        assertThat(message.payloads()).extracting(p -> p.compressionAlgorithm().name())
                .containsExactly("NONE", "NONE", "Pattern_V1");
        assertThat(message.payloads()).extracting(p -> p.data().length()).containsExactly(104, 26, 8);
        assertThat(CompressionCodec.encode(message)).isEqualTo(wire);
    }
}
