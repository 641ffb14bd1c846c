package dev.smbq.cli;

import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.SigningAlgorithm;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Dialects, ciphers and signing algorithms as the command line names them ({@code 3.1.1}, {@code AES-128-GCM}). */
final class ProtocolNames {
    private ProtocolNames() {
    }

    static <T> List<T> each(CommandSpec spec, List<String> values, java.util.function.BiFunction<CommandSpec, String, T> parse) {
        return values.stream().map(value -> parse.apply(spec, value.trim())).toList();
    }

    static Dialect dialect(CommandSpec spec, String value) {
        return switch (value) {
            case "3.1.1" -> Dialect.SMB_3_1_1;
            case "3.0.2" -> Dialect.SMB_3_0_2;
            case "3.0" -> Dialect.SMB_3_0;
            case "2.1" -> Dialect.SMB_2_1;
            case "2.0.2" -> Dialect.SMB_2_0_2;
            default -> throw new ParameterException(spec.commandLine(), "unknown dialect " + value);
        };
    }

    static CipherId cipher(CommandSpec spec, String value) {
        return CipherId.names().all().entrySet().stream()
                .filter(entry -> entry.getKey() != 0 && entry.getValue().equalsIgnoreCase(value.replace('_', '-')))
                .map(entry -> new CipherId(entry.getKey())).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown cipher " + value
                        + " (AES-128-CCM, AES-128-GCM, AES-256-CCM, AES-256-GCM)"));
    }

    static SigningAlgorithm signing(CommandSpec spec, String value) {
        return SigningAlgorithm.names().all().entrySet().stream()
                .filter(entry -> entry.getValue().equalsIgnoreCase(value.replace('_', '-')))
                .map(entry -> new SigningAlgorithm(entry.getKey())).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown signing algorithm "
                        + value.toUpperCase(Locale.ROOT) + " (HMAC-SHA256, AES-CMAC, AES-GMAC)"));
    }
}
