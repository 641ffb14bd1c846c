package dev.smbq.smb2.wire;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * [MS-SMB2] 2.1 Direct TCP transport framing, which SMB over QUIC uses unchanged on its one stream: each message is
 * preceded by a 4-byte header, a zero byte and the message length as a 24-bit big-endian number.
 *
 * <p>{@link Decoder} reassembles messages from a byte stream cut anywhere. It checks the header before it buffers
 * anything: a first byte other than zero, a zero length, or a length above the configured maximum is a
 * {@link DecodeAction#DISCONNECT} error, and no buffer is allocated for it.
 */
public final class DirectTcpFraming {
    public static final int HEADER_SIZE = 4;
    /** The largest length 24 bits can carry. */
    public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

    private DirectTcpFraming() {
    }

    /** Writes the 4-byte header for a message of {@code length} bytes. */
    public static void writeHeader(ByteBuffer target, int length) {
        if (length <= 0 || length > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("message length " + length + " does not fit the framing");
        }
        target.put((byte) 0).put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length);
    }

    /** The message with its header in front, in a new array. */
    public static byte[] frame(byte[] message) {
        ByteBuffer framed = ByteBuffer.allocate(HEADER_SIZE + message.length);
        writeHeader(framed, message.length);
        framed.put(message);
        return framed.array();
    }

    /** Incremental decoder: feed it bytes as they arrive; it hands out each whole message once. Not thread-safe. */
    public static final class Decoder {
        private final int maxMessageSize;
        private final byte[] header = new byte[HEADER_SIZE];
        private int headerFilled;
        private byte[] message;
        private int messageFilled;

        /** @param maxMessageSize the largest message accepted (e.g. the negotiated maximum plus headers) */
        public Decoder(int maxMessageSize) {
            if (maxMessageSize <= 0 || maxMessageSize > MAX_FRAME_LENGTH) {
                throw new IllegalArgumentException("maximum message size must be within 1.." + MAX_FRAME_LENGTH);
            }
            this.maxMessageSize = maxMessageSize;
        }

        /**
         * Consumes all of {@code input}, passing each completed message (a fresh array the receiver owns) to
         * {@code sink}. After a decode error the stream is broken and the decoder must not be fed again.
         */
        public void feed(ByteBuffer input, Consumer<byte[]> sink) {
            while (input.hasRemaining()) {
                if (message == null) {
                    int take = Math.min(HEADER_SIZE - headerFilled, input.remaining());
                    input.get(header, headerFilled, take);
                    headerFilled += take;
                    if (headerFilled < HEADER_SIZE) {
                        return;
                    }
                    message = new byte[checkedLength()];
                    messageFilled = 0;
                    headerFilled = 0;
                }
                int take = Math.min(message.length - messageFilled, input.remaining());
                input.get(message, messageFilled, take);
                messageFilled += take;
                if (messageFilled == message.length) {
                    byte[] complete = message;
                    message = null;
                    sink.accept(complete);
                }
            }
        }

        /** True when no partial message is buffered: the stream ended, if it ends now, on a message boundary. */
        public boolean isIdle() {
            return message == null && headerFilled == 0;
        }

        private int checkedLength() {
            if (header[0] != 0) {
                throw SmbDecodeException.disconnect(String.format("framing header starts with 0x%02X, not 0x00", header[0]));
            }
            int length = (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | (header[3] & 0xFF);
            if (length == 0) {
                throw SmbDecodeException.disconnect("zero-length frame");
            }
            if (length > maxMessageSize) {
                throw SmbDecodeException.disconnect("frame of " + length + " bytes exceeds the maximum " + maxMessageSize);
            }
            return length;
        }
    }
}
