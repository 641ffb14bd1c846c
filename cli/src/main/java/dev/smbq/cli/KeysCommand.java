package dev.smbq.cli;

import dev.smbq.smb2.crypto.IntegrityCheckException;
import dev.smbq.smb2.crypto.KeyLog;
import dev.smbq.smb2.crypto.SessionKeys;
import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformUnsealer;
import dev.smbq.smb2.codec.TransformCodec;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.trace.TracePrinter;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smbq keys}: the SMB 3.x key schedule, decryption and signature checks, for debugging other stacks. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Derive SMB keys, decrypt a TRANSFORM_HEADER message, or check a signature.",
        subcommands = {KeysCommand.Derive.class, KeysCommand.Decrypt.class, KeysCommand.Verify.class})
final class KeysCommand {

    @Command(name = "derive", mixinStandardHelpOptions = true,
            description = "Print SigningKey, C2SCipherKey, S2CCipherKey and ApplicationKey for a session key.")
    static final class Derive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dialect", required = true, description = "3.1.1, 3.0.2, 3.0, 2.1 or 2.0.2")
        String dialect;

        @Option(names = "--session-key", required = true, description = "The session key (NTLM ExportedSessionKey), hex.")
        String sessionKey;

        @Option(names = "--preauth-hash", defaultValue = "",
                description = "Session.PreauthIntegrityHashValue (64 bytes hex), required for 3.1.1.")
        String preauthHash;

        @Option(names = "--cipher", defaultValue = "AES-128-GCM",
                description = "The negotiated cipher; AES-256 ciphers get 256-bit cipher keys (default ${DEFAULT-VALUE}).")
        String cipher;

        @Option(names = "--session-id", description = "Also print the Wireshark key-log line for this SessionId (hex).")
        String sessionId;

        @Override
        public Integer call() {
            Dialect parsedDialect = ProtocolNames.dialect(spec, dialect);
            Bytes hash = hex(spec, "--preauth-hash", preauthHash);
            if (parsedDialect.equals(Dialect.SMB_3_1_1) && hash.length() != 64) {
                throw new ParameterException(spec.commandLine(), "3.1.1 needs --preauth-hash of 64 bytes");
            }
            Bytes key = hex(spec, "--session-key", sessionKey);
            SessionKeys keys = SessionKeys.derive(parsedDialect, ProtocolNames.cipher(spec, cipher), key, hash);
            PrintWriter out = spec.commandLine().getOut();
            out.println("SigningKey: " + keys.signingKey().toHex());
            out.println("C2SCipherKey: " + keys.clientToServerKey().toHex());
            out.println("S2CCipherKey: " + keys.serverToClientKey().toHex());
            out.println("ApplicationKey: " + keys.applicationKey().toHex());
            if (sessionId != null) {
                out.println("WiresharkKeyLog: " + KeyLog.line(Long.parseUnsignedLong(sessionId.replaceFirst("^0[xX]", ""), 16),
                        key, keys));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt a TRANSFORM_HEADER message and print the SMB2 message(s) inside.")
    static final class Decrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The sender's cipher key, hex.")
        String key;

        @Option(names = "--message", required = true,
                description = "The transform message (0xFD 'SMB' ...), hex; a leading 4-byte Direct TCP header is skipped.")
        String message;

        @Option(names = "--cipher", description = "The cipher; by default every cipher of the key's length is tried.")
        String cipher;

        @Override
        public Integer call() {
            Bytes keyBytes = hex(spec, "--key", key);
            Bytes wire = stripFraming(hex(spec, "--message", message));
            long sessionId;
            try {
                sessionId = TransformCodec.decode(wire).header().sessionId();
            } catch (SmbDecodeException e) {
                throw new ParameterException(spec.commandLine(), "not a transform message: " + e.getMessage());
            }
            List<CipherId> candidates = cipher != null ? List.of(ProtocolNames.cipher(spec, cipher)) : keyBytes.length() == 32
                    ? List.of(CipherId.AES_256_GCM, CipherId.AES_256_CCM) : List.of(CipherId.AES_128_GCM, CipherId.AES_128_CCM);
            PrintWriter out = spec.commandLine().getOut();
            for (CipherId candidate : candidates) {
                try {
                    Bytes plaintext = TransformUnsealer.of(candidate, keyBytes, sessionId).unseal(wire);
                    out.println("# decrypted with " + candidate.name());
                    out.print(TracePrinter.render(plaintext.toByteArray()));
                    out.flush();
                    return 0;
                } catch (IntegrityCheckException | IllegalArgumentException e) {
                    // try the next cipher
                }
            }
            spec.commandLine().getErr().println("the message does not authenticate with this key under "
                    + candidates.stream().map(CipherId::name).toList());
            return 1;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the signature of an SMB2 message (exit status 0 when it holds, 1 when not).")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dialect", required = true, description = "3.1.1, 3.0.2, 3.0, 2.1 or 2.0.2")
        String dialect;

        @Option(names = "--signing-key", required = true, description = "Session.SigningKey (2.x: the session key), hex.")
        String signingKey;

        @Option(names = "--message", required = true,
                description = "The signed SMB2 message, hex; a leading 4-byte Direct TCP header is skipped.")
        String message;

        @Option(names = "--algorithm", description = "3.1.1 only: AES-CMAC (default) or AES-GMAC, as negotiated.")
        String algorithm;

        @Override
        public Integer call() {
            Dialect parsedDialect = ProtocolNames.dialect(spec, dialect);
            SigningAlgorithm chosen = !parsedDialect.isSmb3() ? SigningAlgorithm.HMAC_SHA256
                    : algorithm != null && parsedDialect.equals(Dialect.SMB_3_1_1) ? ProtocolNames.signing(spec, algorithm)
                    : SigningAlgorithm.AES_CMAC;
            byte[] wire = stripFraming(hex(spec, "--message", message)).toByteArray();
            if (wire.length < 64) {
                throw new ParameterException(spec.commandLine(), "an SMB2 message is at least 64 bytes");
            }
            boolean valid = Smb2Signer.of(chosen, hex(spec, "--signing-key", signingKey)).verify(wire, 0, wire.length);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Signature (" + chosen.name() + "): " + (valid ? "valid" : "INVALID"));
            out.flush();
            return valid ? 0 : 1;
        }
    }

    private static Bytes stripFraming(Bytes wire) {
        return wire.length() > 4 && wire.get(0) == 0 && wire.get(4) != 0 ? wire.slice(4, wire.length() - 4) : wire;
    }

    private static Bytes hex(CommandSpec spec, String option, String value) {
        try {
            return Bytes.fromHex(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " is not hex: " + e.getMessage());
        }
    }
}
