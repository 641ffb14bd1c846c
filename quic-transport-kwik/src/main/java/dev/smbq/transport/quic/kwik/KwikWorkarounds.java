package dev.smbq.transport.quic.kwik;

import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.QuicConnection;

/**
 * What kwik 0.10.8 needs from whoever uses it, done through its public API: this backend applies both, and code that
 * drives kwik's client itself (such as this project's raw-stream tests) starts from {@link #clientBuilder()} too. The
 * send-path stall, which only concerns stream output, is handled inside the backend by {@link StallGuard}.
 */
public final class KwikWorkarounds {
    private KwikWorkarounds() {
    }

    /**
     * Turns off the assertions of kwik's loss detector; call it before the first kwik connection is made (a class
     * keeps the assertion status it had when it was initialised).
     *
     * <p>kwik takes its loss-detection delay from its RTT estimate in whole milliseconds and asserts that the delay is
     * positive. On loopback the estimate is 0 ms, so with assertions enabled (as in every Maven test run) an
     * AssertionError escapes kwik's receive loop, which only catches {@code Exception}s: the thread dies, a client
     * stops reading and a server stops answering every connection it has, silently. kwik's source after 0.10.8
     * raises the delay to 1 ms instead; 0.10.8 without the assertion goes on with a delay of 0 ms, which only makes
     * it declare a reordered packet lost a little sooner.
     */
    public static void disableLossDetectorAssertions() {
        QuicConnection.class.getClassLoader().setPackageAssertionStatus("tech.kwik.core.recovery", false);
    }

    /**
     * A kwik client builder with both workarounds in place, for one connection that the calling thread builds and
     * connects: its sockets come from {@link HandshakeRaceGuard} (the lost ServerHello), and the loss detector runs
     * without its assertions.
     */
    public static QuicClientConnection.Builder clientBuilder() {
        disableLossDetectorAssertions();
        return QuicClientConnection.newBuilder().socketFactory(HandshakeRaceGuard.forThisThread());
    }
}
