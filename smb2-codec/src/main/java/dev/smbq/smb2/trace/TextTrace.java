package dev.smbq.smb2.trace;

import dev.smbq.smb2.wire.Bytes;
import java.io.PrintWriter;
import java.util.HexFormat;

/**
 * Prints each traced message as {@link TracePrinter} renders it, under a line naming the side, the direction and the
 * connection. A transform is shown as it went on the wire, then the message it carried, decrypted.
 */
public final class TextTrace implements MessageTrace {
    private final PrintWriter out;
    private final String side;
    private final boolean hex;

    /**
     * @param side names this end in the header lines, e.g. {@code client} or {@code server}
     * @param hex  also print each message's bytes as hex
     */
    public TextTrace(PrintWriter out, String side, boolean hex) {
        this.out = out;
        this.side = side;
        this.hex = hex;
    }

    @Override
    public void message(String connection, Direction direction, Bytes wire, Bytes plaintext) {
        String arrow = direction == Direction.SENT ? " -> " : " <- ";
        StringBuilder text = new StringBuilder("# ").append(side).append(arrow).append(connection).append('\n');
        render(text, wire);
        if (plaintext != wire) {
            text.append("# decrypted\n");
            render(text, plaintext);
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private void render(StringBuilder text, Bytes message) {
        byte[] bytes = message.toByteArray();
        text.append(TracePrinter.render(bytes));
        if (hex) {
            text.append(HexFormat.of().withUpperCase().formatHex(bytes)).append('\n');
        }
    }
}
