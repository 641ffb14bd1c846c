package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code smbq keys} against the V1 session of the "SMB 3.1.1 Encryption in Windows 10" blog. */
class KeysCommandTest {
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    private static String vector(String name) throws IOException {
        try (InputStream in = KeysCommandTest.class.getResourceAsStream("/" + name + ".hex")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    @Test
    void deriveReproducesTheV1Keys() throws IOException {
        assertThat(run("keys", "derive", "--dialect", "3.1.1", "--session-key", "419FDDF34C1E001909D362AE7FB6AF79",
                "--preauth-hash", vector("v1-preauth-h5"))).isZero();
        assertThat(out.toString()).contains("SigningKey: 8765949DFEAEE105CE9118B45BE988F0",
                "C2SCipherKey: A2F5E80E5D59103034F32E52F698E5EC", "S2CCipherKey: 748C50868C90F302962A5C35F5F9A8BF",
                "ApplicationKey: 099D610789FBE82055B313601C3E8CC4");
    }

    @Test
    void decryptShowsTheReadResponseInside() throws IOException {
        assertThat(run("keys", "decrypt", "--key", "748C50868C90F302962A5C35F5F9A8BF", "--message",
                "000000" + "9B" + vector("v1-read-response-transform"))).isZero();
        assertThat(out.toString()).contains("decrypted with AES-128-GCM", "SMB2 READ Response",
                "Data: 536D623320656E6372797074696F6E2074657374696E67");
        assertThat(run("keys", "decrypt", "--key", "00000000000000000000000000000000", "--message",
                vector("v1-read-response-transform"))).isEqualTo(1);
    }

    @Test
    void verifyTellsValidFromInvalid() throws IOException {
        String signed = vector("v1-session-setup-response-final");
        assertThat(run("keys", "verify", "--dialect", "3.1.1", "--signing-key", "8765949DFEAEE105CE9118B45BE988F0",
                "--message", signed)).isZero();
        assertThat(out.toString()).contains("Signature (AES-CMAC): valid");
        assertThat(run("keys", "verify", "--dialect", "3.1.1", "--algorithm", "AES-GMAC", "--signing-key",
                "8765949DFEAEE105CE9118B45BE988F0", "--message", signed)).isEqualTo(1);
        assertThat(out.toString()).contains("Signature (AES-GMAC): INVALID");
    }
}
