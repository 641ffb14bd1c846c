package dev.smbq.smb2.transport;

/**
 * Counters of one connection; -1 where the stack does not count that.
 *
 * @param bytesSent       bytes handed to the network (for QUIC: in UDP payloads)
 * @param bytesReceived   bytes taken from the network
 * @param packetsSent     packets (QUIC) or -1
 * @param packetsReceived packets (QUIC) or -1
 * @param packetsLost     packets declared lost (QUIC) or -1
 */
public record TransportStatistics(long bytesSent, long bytesReceived, long packetsSent, long packetsReceived,
                                  long packetsLost) {
}
