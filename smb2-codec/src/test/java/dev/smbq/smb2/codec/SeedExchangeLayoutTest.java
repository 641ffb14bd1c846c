package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.message.NegotiateRequest;
import dev.smbq.smb2.message.NegotiateResponse;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.context.EncryptionCapabilities;
import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.PreauthIntegrityCapabilities;
import dev.smbq.smb2.message.context.SigningCapabilities;
import dev.smbq.smb2.message.context.TransportCapabilities;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.HashAlgorithm;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.WireReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed document's NEGOTIATE exchange: derived offsets land where the spec example puts them. */
class SeedExchangeLayoutTest {
    private static final List<NegotiateContext> FOUR_CONTEXTS = List.of(
            new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.wrap(new byte[32])),
            new EncryptionCapabilities(List.of(CipherId.AES_128_GCM, CipherId.AES_128_CCM)),
            TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY,
            new SigningCapabilities(List.of(SigningAlgorithm.AES_GMAC)));

    @Test
    void requestWithFiveDialectsPutsContextsAt0x70() {
        NegotiateRequest request = new NegotiateRequest(1, 0x7F,
                UUID.fromString("21a63604-ef37-11ea-bb9e-00155d546615"),
                List.of(Dialect.SMB_2_0_2, Dialect.SMB_2_1, Dialect.SMB_3_0, Dialect.SMB_3_0_2, Dialect.SMB_3_1_1),
                FOUR_CONTEXTS);
        byte[] wire = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.NEGOTIATE, 0), request));
        WireReader in = WireReader.of(wire);
        assertThat(in.position(0x5C).u32()).isEqualTo(0x70);
        assertThat(in.position(0x60).u16()).isEqualTo(4);
        // ClientGuid in [MS-DTYP] GUID wire order
        assertThat(Bytes.wrap(wire).slice(0x4C, 16)).isEqualTo(Bytes.fromHex("0436A62137EFEA11BB9E00155D546615"));
        // PREAUTH first, contexts 8-byte aligned, no padding after the last
        assertThat(in.position(0x70).u16()).isEqualTo(0x0001);
        int expectedLength = 0x70 + 46 + 2 + 14 + 2 + 12 + 4 + 12;
        assertThat(wire).hasSize(expectedLength);
    }

    @Test
    void responseWith120ByteSecurityBufferPutsContextsAt0xF8() {
        NegotiateResponse response = new NegotiateResponse(1, Dialect.SMB_3_1_1, UUID.randomUUID(), 0x2F, 8388608,
                8388608, 8388608, 0, 0, Bytes.wrap(new byte[120]), FOUR_CONTEXTS);
        Smb2Header header = Smb2Header.responseTo(Smb2Header.request(Command.NEGOTIATE, 0), NtStatus.SUCCESS, 1);
        byte[] wire = Smb2Codec.encode(new Smb2Message(header, response));
        WireReader in = WireReader.of(wire);
        assertThat(in.position(0x78).u16()).isEqualTo(0x80);
        assertThat(in.position(0x7A).u16()).isEqualTo(120);
        assertThat(in.position(0x7C).u32()).isEqualTo(0xF8);
        assertThat(NegotiateCodecs.contextOffset(response)).isEqualTo(0xF8);
    }
}
