package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.wire.Alignment;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-SMB2] 3.2.4.1.4 / 3.3.5.2.7 compounded messages: several SMB2 messages in one transport message, each but the
 * last padded to an 8-byte boundary and pointing at the next through NextCommand. Related operations are marked by
 * SMB2_FLAGS_RELATED_OPERATIONS in the elements' headers, which the caller sets.
 */
public final class CompoundChain {
    private static final int NEXT_COMMAND_OFFSET = 20;

    private CompoundChain() {
    }

    /** Encodes the messages as one chain, setting NextCommand in each header (0 in the last). */
    public static byte[] encode(List<Smb2Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a compound chain has at least one message");
        }
        if (messages.size() == 1) {
            Smb2Message only = messages.get(0);
            return Smb2Codec.encode(new Smb2Message(only.header().withNextCommand(0), only.body()));
        }
        int[] starts = new int[messages.size()];
        int total = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                total = Alignment.alignUp(total, 8);
            }
            starts[i] = total;
            total = Math.addExact(total, Smb2Codec.encodedLength(messages.get(i)));
        }
        byte[] out = new byte[total];
        for (int i = 0; i < messages.size(); i++) {
            Smb2Message message = messages.get(i);
            long next = i == messages.size() - 1 ? 0 : starts[i + 1] - starts[i];
            Smb2Codec.encode(new Smb2Message(message.header().withNextCommand(next), message.body()), out, starts[i]);
        }
        return out;
    }

    /**
     * Splits a chain into its elements, each bounded to its own bytes (padding included, as the signature covers
     * it). Every NextCommand must point forward by at least a header, to an 8-byte aligned offset inside the chain;
     * so iteration always ends and no element reaches into the next. A broken chain cannot be answered element by
     * element: the connection is dropped.
     */
    public static List<Bytes> split(Bytes chain) {
        List<Bytes> elements = new ArrayList<>();
        long position = 0;
        while (true) {
            long remaining = chain.length() - position;
            if (remaining < Smb2Header.SIZE) {
                throw SmbDecodeException.disconnect("compound element of " + remaining + " bytes at " + position);
            }
            long next = WireReader.of(chain).position(position + NEXT_COMMAND_OFFSET).u32Unsigned();
            if (next == 0) {
                elements.add(chain.slice((int) position, (int) remaining));
                return elements;
            }
            // [MS-SMB2] 3.3.5.2.7: each element of a chain starts on an 8-byte boundary.
            if (next < Smb2Header.SIZE || next % 8 != 0 || next > remaining) {
                throw SmbDecodeException.disconnect("NextCommand " + next + " at " + position + " is misplaced");
            }
            elements.add(chain.slice((int) position, (int) next));
            position += next;
        }
    }
}
