package dev.smbq.smb2.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.codec.CompoundChain;
import dev.smbq.smb2.codec.CompressionCodec;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.UnchainedCompressedMessage;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracePrinterTest {
    @Test
    void rendersTheV1NegotiateRequestInSpecNotation() {
        String trace = TracePrinter.render(Vectors.load("v1-negotiate-request"));
        assertThat(trace).contains("SMB2 NEGOTIATE Request (174 bytes)")
                .contains("Dialect: SMB 3.1.1 (0x0311)")
                .contains("NegotiateContextOffset: 0x00000070")
                .contains("ContextType: SMB2_PREAUTH_INTEGRITY_CAPABILITIES (0x0001)")
                .contains("Capabilities: SMB2_GLOBAL_CAP_LEASING | SMB2_GLOBAL_CAP_LARGE_MTU"
                        + " | SMB2_GLOBAL_CAP_DIRECTORY_LEASING | SMB2_GLOBAL_CAP_ENCRYPTION (0x00000066)");
    }

    @Test
    void rendersTheV1NegotiateResponseOffsets() {
        assertThat(TracePrinter.render(Vectors.load("v1-negotiate-response")))
                .contains("SecurityBufferOffset: 0x00000080")
                .contains("NegotiateContextOffset: 0x000001C0");
    }

    @Test
    void rendersTransformsCompoundsCompressedAndSmb1Messages() {
        assertThat(TracePrinter.render(Vectors.load("v1-write-request-transform")))
                .contains("SMB2 TRANSFORM_HEADER (187 bytes)").contains("OriginalMessageSize: 135")
                .contains("SessionId: 0x0000100000000025");
        byte[] chain = CompoundChain.encode(List.of(
                new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()),
                new Smb2Message(Smb2Header.request(Command.ECHO, 2), new EchoRequest())));
        assertThat(TracePrinter.render(chain)).contains("Compound element 2 of 2").contains("NextCommand: 0x00000048");
        byte[] compressed = CompressionCodec.encode(new UnchainedCompressedMessage(100, CompressionAlgorithm.LZ4,
                Bytes.fromHex("FE534D42"), Bytes.fromHex("00112233")));
        assertThat(TracePrinter.render(compressed)).contains("COMPRESSION_TRANSFORM_HEADER").contains("LZ4 (0x0005)");
        assertThat(TracePrinter.render(new byte[] {(byte) 0xFF, 'S', 'M', 'B', 0x72})).contains("Malformed");
        assertThat(TracePrinter.render(new byte[] {1, 2, 3})).contains("Not an SMB message");
    }
}
