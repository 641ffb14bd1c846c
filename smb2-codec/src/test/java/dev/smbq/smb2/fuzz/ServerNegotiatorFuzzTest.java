package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.ServerNegotiator;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.wire.Bytes;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/** Fuzzes the server negotiator: any request bytes give a response or a disconnect, never an exception. */
class ServerNegotiatorFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        ServerNegotiator server = new ServerNegotiator(NegotiatePolicy.defaults(), TransportKind.QUIC, new UUID(1, 2),
                Bytes.EMPTY, new Random(0), Clock.systemUTC());
        server.negotiate(input);
        server.negotiateSmb1(input);
    }
}
