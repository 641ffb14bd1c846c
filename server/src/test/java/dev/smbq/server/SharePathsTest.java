package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.spec.NtStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharePathsTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"'..\\x', STATUS_OBJECT_PATH_SYNTAX_BAD", "'a\\..\\..\\x', STATUS_OBJECT_PATH_SYNTAX_BAD",
            "'\\abs', STATUS_INVALID_PARAMETER", "'/abs', STATUS_INVALID_PARAMETER",
            "'C:\\x', STATUS_OBJECT_NAME_INVALID", "'f:stream', STATUS_OBJECT_NAME_INVALID",
            "'a*b', STATUS_OBJECT_NAME_INVALID"})
    void escapesAndSpecialSyntaxAreRefused(String path, String status) {
        assertThatThrownBy(() -> SharePaths.resolve(Share.of("s", root), path))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().name()).isEqualTo(status));
    }

    @Test
    void linksAreNeverFollowed(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(root.resolve("out"), outside);
        assertThatThrownBy(() -> SharePaths.resolve(Share.of("s", root), "out\\x"))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status()).isEqualTo(NtStatus.ACCESS_DENIED));
        assertThat(SharePaths.resolve(Share.of("s", root), "dir\\.\\file.txt")).isEqualTo(root.resolve("dir/file.txt"));
        assertThat(SharePaths.resolve(Share.of("s", root), "")).isEqualTo(root);
    }

    @Test
    void wildcardsMatchWithoutRegardToCase() {
        assertThat(InfoService.wildcard("*.TXT").matcher("notes.txt").matches()).isTrue();
        assertThat(InfoService.wildcard("a?c").matcher("abc").matches()).isTrue();
        assertThat(InfoService.wildcard("a?c").matcher("abbc").matches()).isFalse();
        assertThat(InfoService.wildcard("*").matcher("..").matches()).isTrue();
    }
}
