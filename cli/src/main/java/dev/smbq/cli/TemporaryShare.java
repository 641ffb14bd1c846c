package dev.smbq.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory to share for one run of a loopback command, deleted with everything in it at the end. */
final class TemporaryShare implements AutoCloseable {
    private final Path root;

    TemporaryShare(String prefix) throws IOException {
        this.root = Files.createTempDirectory(prefix);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
