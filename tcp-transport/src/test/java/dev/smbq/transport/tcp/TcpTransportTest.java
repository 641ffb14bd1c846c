package dev.smbq.transport.tcp;

import dev.smbq.transport.support.TransportContract;

class TcpTransportTest extends TransportContract {
    @Override
    protected String transportId() {
        return TcpTransportProvider.ID;
    }
}
