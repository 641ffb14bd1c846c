package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.wire.WireReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileInfoTest {
    private static final FileInfo.Facts FACTS = new FileInfo.Facts(1, 2, 3, 4, 5, 4096, 0x20, false, 9);

    @Test
    void directoryEntriesAreAlignedAndLinkedAndTheLastEndsTheChain() {
        List<FileInfo.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new FileInfo.Entry("name-" + "x".repeat(i % 7) + i, FACTS));
        }
        for (int infoClass : new int[] {1, 2, 3, 12, 37, 38}) {
            FileInfo.Listing listing = FileInfo.directory(infoClass, entries, 1000);
            assertThat(listing.count()).isBetween(1, 49);
            WireReader all = WireReader.of(listing.bytes());
            long offset = 0;
            int seen = 0;
            while (true) {
                long next = all.position(offset).u32Unsigned();
                seen++;
                if (next == 0) {
                    break;
                }
                assertThat(next % 8).isZero();
                offset += next;
                assertThat(offset).isLessThan(listing.bytes().length());
            }
            assertThat(seen).as("class %d", infoClass).isEqualTo(listing.count());
        }
    }
}
