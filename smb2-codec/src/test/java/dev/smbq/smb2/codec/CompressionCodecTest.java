package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.message.UnchainedCompressedMessage;
import dev.smbq.smb2.spec.CompressionAlgorithm;
import dev.smbq.smb2.wire.Bytes;
import org.junit.jupiter.api.Test;

class CompressionCodecTest {
    @Test
    void unchainedCompressedMessageRoundTrips() {
        UnchainedCompressedMessage message = new UnchainedCompressedMessage(4096, CompressionAlgorithm.LZ77,
                Bytes.fromHex("FE534D4240"), Bytes.fromHex("0102030405060708"));
        assertThat(CompressionCodec.decode(Bytes.wrap(CompressionCodec.encode(message)))).isEqualTo(message);
    }
}
