package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.message.CloseRequest;
import dev.smbq.smb2.message.CreateRequest;
import dev.smbq.smb2.message.FileId;
import dev.smbq.smb2.message.QueryInfoRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.HeaderFlags;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompoundChainTest {
    @Test
    void relatedCreateQueryCloseChainRoundTrips() {
        Smb2Header related = Smb2Header.request(Command.QUERY_INFO, 2);
        List<Smb2Message> messages = List.of(
                new Smb2Message(Smb2Header.request(Command.CREATE, 1),
                        new CreateRequest(0, 0, 2, 0, 0x80, 0, 7, 1, 0, "a.txt", List.of())),
                new Smb2Message(related.withFlags(HeaderFlags.RELATED_OPERATIONS),
                        new QueryInfoRequest(1, 0x12, 4096, 0, 0, FileId.RELATED, Bytes.EMPTY)),
                new Smb2Message(Smb2Header.request(Command.CLOSE, 3).withFlags(HeaderFlags.RELATED_OPERATIONS),
                        new CloseRequest(0, FileId.RELATED)));
        byte[] chain = CompoundChain.encode(messages);
        List<Bytes> elements = CompoundChain.split(Bytes.wrap(chain));
        assertThat(elements).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Smb2Message decoded = Smb2Codec.decode(elements.get(i));
            assertThat(decoded.body()).isEqualTo(messages.get(i).body());
            boolean last = i == 2;
            assertThat(decoded.header().nextCommand()).isEqualTo(last ? 0 : elements.get(i).length());
            assertThat(elements.get(i).length() % 8 == 0 || last).isTrue();
        }
        assertThat(Smb2Codec.decode(elements.get(1)).header().isRelated()).isTrue();
    }
}
