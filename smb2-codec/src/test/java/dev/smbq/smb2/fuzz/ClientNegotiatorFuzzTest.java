package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.NegotiationException;
import dev.smbq.smb2.negotiate.TransportKind;
import java.util.Random;
import java.util.UUID;

/** Fuzzes the client negotiator with arbitrary NEGOTIATE responses. */
class ClientNegotiatorFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(byte[] input) {
        ClientNegotiator client = new ClientNegotiator(NegotiatePolicy.defaults(), TransportKind.QUIC, new UUID(1, 2),
                new Random(0));
        try {
            client.complete(input);
        } catch (NegotiationException expected) {
            // a response the client refuses
        }
    }
}
