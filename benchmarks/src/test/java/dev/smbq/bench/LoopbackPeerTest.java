package dev.smbq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.client.SmbClient;
import dev.smbq.client.SmbFile;
import dev.smbq.smb2.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end-to-end benchmarks' peer, a JVM of its own, serves every setup of its transport: the raw stream, and SMB with
 * and without required signing, each moving one operation's worth of the same bytes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoopbackPeerTest {
    private static final int PIECE = 1 << 20;

    @Test
    void theRawStreamMovesAnOperationEachWay() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.start(BenchSetup.parse("tcp/raw"), PIECE, 8)) {
            peer.rawUpload(LoopbackPeer.operationData(3), PIECE);
            peer.rawDownload(PIECE);
        }
    }

    @Test
    void smbWithRequiredSigningReadsTheDownloadFileAndWritesAnUpload() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.start(BenchSetup.parse("tcp/signed"), PIECE, 8);
             SmbClient another = peer.connect(PIECE, 8)) {
            assertThat(another.negotiated().signingRequired()).isTrue();
            assertThat(readWhole(peer, LoopbackPeer.DOWNLOAD_FILE))
                    .isEqualTo(LoopbackPeer.operationData(LoopbackPeer.DOWNLOAD_SEED));
            Bytes upload = LoopbackPeer.operationData(3);
            peer.writeFile("upload.bin", Bytes.wrap(new byte[upload.length()]));
            try (SmbFile file = peer.tree().open("upload.bin")) {
                file.write(0, upload);
            }
            assertThat(readWhole(peer, "upload.bin")).isEqualTo(upload);
        }
    }

    @Test
    void smbWhereNeitherSideRequiresSigningIsServedOverQuic() throws Exception {
        BenchSetup unsigned = BenchSetup.parse("quic-netty/transport-only-unsigned");
        try (LoopbackPeer peer = LoopbackPeer.start(unsigned, PIECE, 8);
             SmbClient another = peer.connect(PIECE, 8)) {
            assertThat(another.negotiated().signingRequired()).isFalse();
            assertThat(readWhole(peer, LoopbackPeer.DOWNLOAD_FILE))
                    .isEqualTo(LoopbackPeer.operationData(LoopbackPeer.DOWNLOAD_SEED));
        }
    }

    private static Bytes readWhole(LoopbackPeer peer, String name) throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (SmbFile file = peer.tree().open(name)) {
            file.readTo(content);
        }
        return Bytes.wrap(content.toByteArray());
    }
}
