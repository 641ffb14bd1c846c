package dev.smbq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The implementers' guide ({@code docs/}) as the doc tests see it: its pages, their fenced blocks, its commands. */
final class Guide {
    /** Trace fields whose values differ from run to run: compared by name only. */
    private static final Pattern VARYING = Pattern.compile("^(\\s*)(ClientGuid|ServerGuid|Salt|SystemTime|SessionId|"
            + "Signature|SecurityBuffer|FileId|CreationTime|LastAccessTime|LastWriteTime|ChangeTime|EncryptedMessage)"
            + ": .*$");
    /** A transcript's direction lines carry the server's ephemeral port. */
    private static final Pattern PEER = Pattern.compile("^(# client (?:->|<-) \\S+ 127\\.0\\.0\\.1):\\d+$");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)(?: (.*))?$");

    /** A fenced block: its info string ({@code console}, {@code text transcript=NAME}, ...) and its lines. */
    record Block(Path page, String language, String attributes, List<String> lines) {
    }

    private Guide() {
    }

    static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs"))) {
            root = root.getParent();
        }
        return root;
    }

    static List<Path> pages() {
        try (Stream<Path> files = Files.list(projectRoot().resolve("docs"))) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = read(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = FENCE.matcher(lines.get(i));
                if (!open.matches() || open.group(1).isEmpty()) {
                    continue;
                }
                int end = i + 1;
                while (!lines.get(end).equals("```")) {
                    end++;
                }
                blocks.add(new Block(page, open.group(1), open.group(2) == null ? "" : open.group(2),
                        lines.subList(i + 1, end)));
                i = end;
            }
        }
        return blocks;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line with the values that vary between runs replaced by a placeholder. */
    static String masked(String line) {
        String stripped = line.stripTrailing();
        Matcher varying = VARYING.matcher(stripped);
        if (varying.matches()) {
            return varying.group(1) + varying.group(2) + ": <varies>";
        }
        Matcher peer = PEER.matcher(stripped);
        return peer.matches() ? peer.group(1) + ":<port>" : stripped;
    }

    static List<String> masked(List<String> lines) {
        return lines.stream().map(Guide::masked).toList();
    }

    /** Runs {@code $ ./smbq ARGS} in process; returns what it printed, line by line. */
    static List<String> run(String commandLine) {
        if (!commandLine.startsWith("$ ./smbq ")) {
            throw new IllegalArgumentException("not an smbq command: " + commandLine);
        }
        String[] args = commandLine.substring("$ ./smbq ".length()).trim().split("\\s+");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        int status = command.execute(args);
        if (status != 0) {
            throw new AssertionError(commandLine + " exited with " + status + ":\n" + out);
        }
        return out.toString().lines().toList();
    }
}
