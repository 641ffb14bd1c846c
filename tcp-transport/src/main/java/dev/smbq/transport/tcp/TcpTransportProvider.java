package dev.smbq.transport.tcp;

import dev.smbq.smb2.negotiate.TransportKind;
import dev.smbq.smb2.transport.TransportAcceptor;
import dev.smbq.smb2.transport.TransportConnector;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TransportProvider;

/** Direct TCP ([MS-SMB2] 2.1): a 4-byte header and the message, on port 445 by default. No TLS. */
public final class TcpTransportProvider implements TransportProvider {
    public static final String ID = "tcp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.TCP;
    }

    @Override
    public int defaultPort() {
        return 445;
    }

    @Override
    public TransportConnector connector(TransportOptions options) {
        return new TcpConnector(options);
    }

    @Override
    public TransportAcceptor acceptor(TransportOptions options) {
        return new TcpAcceptor(options);
    }
}
