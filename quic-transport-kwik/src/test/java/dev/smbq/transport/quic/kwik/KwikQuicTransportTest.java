package dev.smbq.transport.quic.kwik;

import dev.smbq.smb2.transport.TlsIdentity;
import dev.smbq.smb2.transport.TransportOptions;
import dev.smbq.smb2.transport.TrustPolicy;
import dev.smbq.transport.support.Certificates;
import dev.smbq.transport.support.TransportContract;
import java.util.List;

class KwikQuicTransportTest extends TransportContract {
    static final TlsIdentity SERVER = Certificates.selfSigned(List.of("localhost", "127.0.0.1"), true);

    @Override
    protected String transportId() {
        return KwikQuicTransportProvider.ID;
    }

    @Override
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults().withIdentity(SERVER);
    }

    @Override
    protected TransportOptions clientOptions() {
        return TransportOptions.defaults().withTrust(new TrustPolicy.Anchors(SERVER.chain()));
    }
}
