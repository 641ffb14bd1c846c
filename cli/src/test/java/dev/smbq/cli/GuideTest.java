package dev.smbq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The implementers' guide is true: its commands print what it shows, its transcripts are what a live run prints
 * and its excerpts come from them, every class, method and test it names exists, and every diagram picture was
 * drawn from its current source. Values that differ from run to run are compared by field name only
 * ({@link Guide#masked(String)}).
 */
class GuideTest {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern MEMBER = Pattern.compile("`?([A-Z]\\w*)[.#]([a-zA-Z_]\\w*)`?");
    private static final Pattern CODE_MEMBER = Pattern.compile("`([A-Z]\\w*)\\.([a-z]\\w*)(?:\\([^`]*\\))?`");

    @Test
    void everyConsoleCommandPrintsWhatTheGuideShows() {
        int commands = 0;
        for (Guide.Block block : Guide.blocks()) {
            if (!block.language().equals("console")) {
                continue;
            }
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("$ ")) {
                    continue;
                }
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("$ ")) {
                    end++;
                }
                assertThat(Guide.masked(Guide.run(lines.get(i)))).as(block.page() + ": " + lines.get(i))
                        .isEqualTo(Guide.masked(lines.subList(i + 1, end)));
                commands++;
                i = end - 1;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theTranscriptsAreWhatALiveRunPrints() throws IOException {
        List<Path> transcripts = transcripts();
        assertThat(transcripts).isNotEmpty();
        for (Path transcript : transcripts) {
            List<String> lines = Guide.read(transcript);
            assertThat(Guide.masked(Guide.run(lines.get(0)))).as(transcript.toString())
                    .isEqualTo(Guide.masked(lines.subList(1, lines.size())));
        }
    }

    @Test
    void everyExcerptComesFromItsTranscriptInOrder() {
        int excerpts = 0;
        for (Guide.Block block : Guide.blocks()) {
            if (!block.attributes().startsWith("transcript=")) {
                continue;
            }
            Path transcript = Guide.projectRoot().resolve("docs/transcripts")
                    .resolve(block.attributes().substring("transcript=".length()) + ".txt");
            List<String> source = Guide.masked(Guide.read(transcript));
            int from = 0;
            // "  ..." marks lines left out; the runs between them must appear in the transcript in this order
            for (List<String> run : runs(Guide.masked(block.lines()))) {
                int at = indexOf(source, run, from);
                assertThat(at).as(block.page() + ": excerpt from " + transcript.getFileName() + " starting "
                        + run.get(0)).isGreaterThanOrEqualTo(0);
                from = at + run.size();
            }
            excerpts++;
        }
        assertThat(excerpts).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyLinkResolvesAndEveryNamedMemberExists() throws IOException {
        Map<String, Path> sources = javaSources();
        for (Path page : Guide.pages()) {
            String text = String.join("\n", Guide.read(page));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(2);
                if (target.startsWith("http")) {
                    continue;
                }
                Path file = page.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                assertThat(file).as(page.getFileName() + " links " + target).exists();
                Matcher member = MEMBER.matcher(link.group(1));
                if (member.matches() && file.toString().endsWith(".java")) {
                    assertThat(file.getFileName().toString()).as(link.group(1)).isEqualTo(member.group(1) + ".java");
                    assertDeclares(file, member.group(2), link.group(1));
                }
            }
            Matcher code = CODE_MEMBER.matcher(text);
            while (code.find()) {
                Path file = sources.get(code.group(1));
                assertThat(file).as(page.getFileName() + " names " + code.group()).isNotNull();
                assertDeclares(file, code.group(2), code.group());
            }
        }
    }

    @Test
    void everyDiagramWasDrawnFromItsCurrentSource() throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Guide.projectRoot().resolve("docs/diagrams"))) {
            sources = files.filter(file -> file.toString().endsWith(".mmd")).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(2);
        List<String> drawn = new ArrayList<>();
        for (Path source : sources) {
            String text = Files.readString(source);
            Path picture = source.resolveSibling(source.getFileName().toString().replace(".mmd", ".svg"));
            assertThat(Files.readString(picture)).as(picture + " (scripts/render-diagrams redraws it)")
                    .contains("<!-- source sha256: " + sha256(text) + " -->");
            drawn.add(text.strip());
        }
        // a diagram shown inline (rendered by code-hosting pages that know Mermaid) is one of the sources
        for (Guide.Block block : Guide.blocks()) {
            if (block.language().equals("mermaid")) {
                assertThat(drawn).as(block.page() + ": inline diagram").contains(String.join("\n", block.lines()).strip());
            }
        }
    }

    private static List<Path> transcripts() throws IOException {
        try (Stream<Path> files = Files.list(Guide.projectRoot().resolve("docs/transcripts"))) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static List<List<String>> runs(List<String> excerpt) {
        List<List<String>> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : excerpt) {
            if (line.strip().equals("...")) {
                if (!current.isEmpty()) {
                    runs.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static int indexOf(List<String> source, List<String> run, int from) {
        for (int at = from; at + run.size() <= source.size(); at++) {
            if (source.subList(at, at + run.size()).equals(run)) {
                return at;
            }
        }
        return -1;
    }

    private static void assertDeclares(Path file, String member, String name) {
        String source = String.join("\n", Guide.read(file));
        boolean declared = Pattern.compile("\\b" + member + "\\s*\\(").matcher(source).find()
                || Pattern.compile("\\b" + member + "\\s*[=,)]").matcher(source).find()
                || Pattern.compile("class " + member + "\\b").matcher(source).find();
        assertThat(declared).as(name + " in " + file).isTrue();
    }

    /** Every main and test source file of the project by class name. */
    private static Map<String, Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(Guide.projectRoot())) {
            return files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""), file -> file,
                            (first, second) -> first));
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
