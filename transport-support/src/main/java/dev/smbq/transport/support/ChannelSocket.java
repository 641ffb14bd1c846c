package dev.smbq.transport.support;

import dev.smbq.smb2.transport.MessageListener;
import dev.smbq.smb2.transport.SmbChannel;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DirectTcpFraming;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A connected {@link java.net.Socket} over an {@link SmbChannel}. What the socket's user writes is cut into messages by
 * the Direct TCP framing decoder (so a frame too long or malformed fails the write), and each message goes out on the
 * channel; each message received comes back as a framed piece of the input stream.
 */
final class ChannelSocket extends java.net.Socket {
    /** Marks the end of the input: the channel closed. */
    private static final byte[] END = new byte[0];

    private final SmbChannel channel;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final InputStream input = new FramedInput();
    private final OutputStream output;
    private volatile int timeoutMillis;
    private volatile boolean closed;

    ChannelSocket(SmbChannel channel) {
        this.channel = channel;
        this.output = new FramedOutput(channel.info().maxMessageSize());
        channel.start(new MessageListener() {
            @Override
            public void onMessage(SmbChannel source, Bytes message) {
                received.add(DirectTcpFraming.frame(message.toByteArray()));
            }

            @Override
            public void onClosed(SmbChannel source, Throwable cause) {
                received.add(END);
            }
        });
    }

    @Override
    public InputStream getInputStream() throws IOException {
        checkOpen();
        return input;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkOpen();
        return output;
    }

    @Override
    public void setSoTimeout(int timeout) {
        timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public InetAddress getInetAddress() {
        return channel.info().remoteAddress().getAddress();
    }

    @Override
    public int getPort() {
        return channel.info().remoteAddress().getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel.info().remoteAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.info().localAddress();
    }

    /** Closes the channel gracefully: what was written before still goes out. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            channel.closeGracefully();
            received.add(END);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new java.net.SocketException("socket closed");
        }
    }

    /** The frames received, one after another. */
    private final class FramedInput extends InputStream {
        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (current == END) {
                    return -1;
                }
                current = next();
                position = 0;
            }
            int take = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, take);
            position += take;
            return take;
        }

        private byte[] next() throws IOException {
            try {
                int timeout = timeoutMillis;
                byte[] frame = timeout == 0 ? received.take() : received.poll(timeout, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    throw new SocketTimeoutException("nothing received in " + timeout + " ms");
                }
                if (frame == END) {
                    received.add(END); // later reads see the end too
                }
                return frame;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            }
        }

        @Override
        public int available() {
            return current.length - position;
        }
    }

    /** Cuts the written stream into messages and sends each whole one. */
    private final class FramedOutput extends OutputStream {
        private final DirectTcpFraming.Decoder framing;

        FramedOutput(int maxMessageSize) {
            framing = new DirectTcpFraming.Decoder(maxMessageSize);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] source, int offset, int length) throws IOException {
            checkOpen();
            try {
                framing.feed(ByteBuffer.wrap(source, offset, length), message -> channel.send(Bytes.wrap(message)));
            } catch (SmbDecodeException e) {
                throw new IOException("not a Direct TCP frame stream: " + e.getMessage(), e);
            }
        }
    }
}
