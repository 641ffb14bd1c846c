package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.transport.support.KeyLogFile;
import dev.smbq.transport.support.PacketCapture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * tshark, an independent dissector, reads a capture of smbclient working against our server with SMB encryption: it
 * finds no error in any message, and with the key log our server wrote it decrypts the session.
 *
 * <p>On a port other than 445, tshark reads the Direct TCP header as NetBIOS (17-bit length), so the files here stay
 * small enough that every message is under 128 KiB.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SmbclientCaptureInteropTest {
    @TempDir
    Path directory;

    @Test
    void tsharkFindsNoErrorAndDecryptsTheSessionWithOurKeyLog() throws Exception {
        Path share = Files.createDirectory(directory.resolve("share"));
        Path keyLog = directory.resolve("smb.keys");
        Path capture = directory.resolve("smb.pcapng");
        byte[] data = new byte[100_000];
        new Random(4).nextBytes(data);
        Path upload = Files.write(directory.resolve("up.bin"), data);
        ServerConfig config = ServerConfig.of(List.of(Share.of("data", share)), UserStore.parse("smbtest:password:Passw0rd!"))
                .withKeyLog(new KeyLogFile(keyLog)::append);
        try (SmbServer server = new SmbServer(config)) {
            int port = server.listen("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    TransportOptions.defaults()).getPort();
            try (PacketCapture ignored = PacketCapture.start(capture, "tcp port " + port)) {
                smbclient(port, "put " + upload + " notes.bin; get notes.bin " + directory.resolve("back.bin")
                        + "; mkdir sub; rename notes.bin sub\\moved.bin; ls sub\\*; del sub\\moved.bin; rmdir sub; ls");
            }
            assertThat(Files.readAllBytes(directory.resolve("back.bin"))).isEqualTo(data);

            String decodeAs = "tcp.port==" + port + ",nbss";
            String keys = "uat:smb2_seskey_list:" + Files.readAllLines(keyLog).get(0);
            String[] creates = {"-Y", "smb2.cmd == 5", "-T", "fields", "-e", "smb2.filename"};
            assertThat(PacketCapture.tshark(capture, concat(new String[] {"-d", decodeAs}, creates)))
                    .as("encrypted: no CREATE visible without the keys").doesNotContain("notes.bin");
            assertThat(PacketCapture.tshark(capture, concat(new String[] {"-d", decodeAs, "-o", keys}, creates)))
                    .contains("notes.bin", "sub\\moved.bin");
            String decrypted = PacketCapture.tshark(capture, "-d", decodeAs, "-o", keys);
            assertThat(decrypted).contains("Decrypted SMB3;Write Request", "Decrypted SMB3;Read Response");
            assertThat(PacketCapture.tshark(capture, "-d", decodeAs, "-o", keys, "-q", "-z", "expert,error"))
                    .doesNotContain("Errors (");
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void smbclient(int port, String commands) throws Exception {
        String output = Smbclient.run(port, List.of("-m", "SMB3_11", "--client-protection=encrypt"), commands, 120);
        assertThat(output).doesNotContain("NT_STATUS_").contains("moved.bin");
    }
}
