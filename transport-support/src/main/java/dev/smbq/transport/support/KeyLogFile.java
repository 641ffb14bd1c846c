package dev.smbq.transport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends secret lines (TLS SSLKEYLOGFILE lines, SMB session-key lines) to a file the user named on purpose.
 * Each line is written whole, so several connections may share one file.
 */
public final class KeyLogFile {
    private final Path file;

    public KeyLogFile(Path file) {
        this.file = file;
    }

    public synchronized void append(String line) {
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key log " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
