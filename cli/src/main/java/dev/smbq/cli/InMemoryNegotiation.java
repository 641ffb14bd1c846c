package dev.smbq.cli;

import dev.smbq.smb2.negotiate.ClientNegotiator;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.negotiate.NegotiationException;
import dev.smbq.smb2.negotiate.ServerNegotiation;
import dev.smbq.smb2.negotiate.ServerNegotiator;
import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DirectTcpFraming;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A client negotiator and a server negotiator talking through an in-memory byte stream: each message is framed with
 * the Direct TCP header, cut into random pieces and reassembled by the framing decoder, as a real stream would do.
 */
final class InMemoryNegotiation {
    /** What crossed the stream and what each side concluded. */
    record Result(byte[] request, byte[] response, NegotiatedParameters client, NegotiatedParameters server) {
    }

    private InMemoryNegotiation() {
    }

    static Result run(TransportKind transport, NegotiatePolicy clientPolicy, NegotiatePolicy serverPolicy)
            throws NegotiationException {
        RandomGenerator random = new SecureRandom();
        ClientNegotiator client = new ClientNegotiator(clientPolicy, transport, UUID.randomUUID(), random);
        ServerNegotiator server = new ServerNegotiator(serverPolicy, transport, UUID.randomUUID(), Bytes.EMPTY,
                random, Clock.systemUTC());

        byte[] request = carry(client.requestBytes(), random);
        ServerNegotiation outcome = server.negotiate(request);
        if (!(outcome instanceof ServerNegotiation.Accepted accepted)) {
            throw new IllegalStateException("server did not accept the negotiation: " + outcome);
        }
        byte[] response = carry(accepted.response(), random);
        NegotiatedParameters clientView = client.complete(response);
        return new Result(request, response, clientView, accepted.parameters());
    }

    /** Frames a message, delivers it in random-sized pieces and returns what the receiving decoder reassembled. */
    private static byte[] carry(byte[] message, RandomGenerator random) {
        byte[] framed = DirectTcpFraming.frame(message);
        DirectTcpFraming.Decoder decoder = new DirectTcpFraming.Decoder(DirectTcpFraming.MAX_FRAME_LENGTH);
        List<byte[]> received = new ArrayList<>();
        int position = 0;
        while (position < framed.length) {
            int piece = Math.min(framed.length - position, 1 + random.nextInt(64));
            decoder.feed(ByteBuffer.wrap(framed, position, piece), received::add);
            position += piece;
        }
        if (received.size() != 1) {
            throw new IllegalStateException("the stream carried " + received.size() + " messages instead of 1");
        }
        return received.get(0);
    }
}
