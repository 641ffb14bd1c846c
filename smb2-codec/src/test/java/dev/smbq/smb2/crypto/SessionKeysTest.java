package dev.smbq.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.spec.CipherId;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.wire.Bytes;
import org.junit.jupiter.api.Test;

/** Key derivation against the Microsoft-published sessions (V1, V2, V3, V4, V5) and the AES-256 regression (C1). */
class SessionKeysTest {
    private static Bytes hex(String hex) {
        return Bytes.fromHex(hex);
    }

    private static Bytes vector(String name) {
        return Bytes.wrap(Vectors.load(name));
    }

    @Test
    void v1Smb311Aes128Gcm() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_128_GCM,
                hex("419FDDF34C1E001909D362AE7FB6AF79"), vector("v1-preauth-h5"));
        assertThat(keys.signingKey()).isEqualTo(hex("8765949DFEAEE105CE9118B45BE988F0"));
        assertThat(keys.clientToServerKey()).isEqualTo(hex("A2F5E80E5D59103034F32E52F698E5EC"));
        assertThat(keys.serverToClientKey()).isEqualTo(hex("748C50868C90F302962A5C35F5F9A8BF"));
        assertThat(keys.applicationKey()).isEqualTo(hex("099D610789FBE82055B313601C3E8CC4"));
    }

    @Test
    void v2Smb311Aes128Ccm() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_128_CCM,
                hex("07B7F69C1E2581662DF6987E88F9E891"), vector("v2-preauth-h5"));
        assertThat(keys.signingKey()).isEqualTo(hex("3DCC82C5795AE27F383242761078C59B"));
        assertThat(keys.clientToServerKey()).isEqualTo(hex("DFAAA31AAE40A2485D47AC4DF09FDA1D"));
        assertThat(keys.serverToClientKey()).isEqualTo(hex("95C544AEF6072680DA1CE49A68A97FA6"));
        assertThat(keys.applicationKey()).isEqualTo(hex("7A2F0F73EC2D530879B2913BBFCE242F"));
    }

    @Test
    void v3MasterSession() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_128_GCM,
                hex("270E1BA896585EEB7AF3472D3B4C75A7"), vector("v3-preauth-h5"));
        assertThat(keys.signingKey()).isEqualTo(hex("73FE7A9A77BEF0BDE49C650D8CCB5F76"));
        assertThat(keys.clientToServerKey()).isEqualTo(hex("629BCBC54422A0F572B97F45989B6073"));
        assertThat(keys.serverToClientKey()).isEqualTo(hex("E2AF0DCEFAC68DA71A0DFBD0D1350D74"));
        assertThat(keys.applicationKey()).isEqualTo(hex("6D7AD7954E9EC61E907B4D473DC178FF"));
    }

    @Test
    void v4BindingChannelSigningKey() {
        assertThat(SessionKeys.channelSigningKey(Dialect.SMB_3_1_1, hex("84B9DBB730116A8FA6E9889555C265F9"),
                vector("v4-preauth-h5"))).isEqualTo(hex("C962BCA1A9DD1697B030644199705431"));
    }

    @Test
    void v5Smb30LabelsIncludingTheSpaceInServerIn() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_0, CipherId.AES_128_CCM,
                hex("7CD451825D0450D235424E44BA6E78CC"), Bytes.EMPTY);
        assertThat(keys.signingKey()).isEqualTo(hex("0B7E9C5CAC36C0F6EA9AB275298CEDCE"));
        assertThat(keys.clientToServerKey()).isEqualTo(hex("FAD27796665B313EBB578F388632B4F7"));
        assertThat(keys.serverToClientKey()).isEqualTo(hex("B0F0427F7CEB416D1D9DCC0CD4F99447"));
        assertThat(keys.applicationKey()).isEqualTo(hex("BB23A4575AA26C721AF525AF15A87B4F"));
        assertThat(SessionKeys.channelSigningKey(Dialect.SMB_3_0, hex("4E01A2B313BCF660CC250BEF021AEDE6"), Bytes.EMPTY))
                .isEqualTo(hex("BA1A17DBBFEC349BCA105563D598952F"));
    }

    @Test
    void c1Aes256CipherKeysAre256BitsButTheSigningKeyStays128() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_256_GCM,
                hex("419FDDF34C1E001909D362AE7FB6AF79"), vector("v1-preauth-h5"));
        assertThat(keys.clientToServerKey())
                .isEqualTo(hex("CB61EB110446FBCAEB6A83BEEDB92779130B833A706E5B3495879D52195B90ED"));
        assertThat(keys.serverToClientKey())
                .isEqualTo(hex("F8CAE3069FFCDC7662E2941207AF463614D520A1A204AAF6B9EAD136DE931111"));
        // the pitfall: deriving the signing key with L=256 and truncating gives C3CFABFA..., which peers reject
        assertThat(keys.signingKey()).isEqualTo(hex("8765949DFEAEE105CE9118B45BE988F0"))
                .isNotEqualTo(hex("C3CFABFAE897556AEB9CC60449460847"));
    }

    @Test
    void smb2xSignsWithTheSessionKeyItselfAndShortKeysArePadded() {
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_2_1, CipherId.NONE, hex("0102"), Bytes.EMPTY);
        assertThat(keys.signingKey()).isEqualTo(hex("01020000000000000000000000000000"));
        assertThat(keys.clientToServerKey()).isEqualTo(Bytes.EMPTY);
        assertThat(keys.toString()).doesNotContain("0102");
    }

    @Test
    void sessionPreauthHashesRequestsAndMoreProcessingResponsesOnly() {
        for (String session : new String[] {"v1", "v3", "v4"}) {
            var connection = dev.smbq.smb2.negotiate.PreauthIntegrityHash.initial()
                    .update(Vectors.load(session + "-negotiate-request"))
                    .update(Vectors.load(session + "-negotiate-response"));
            SessionPreauth preauth = SessionPreauth.startingFrom(connection)
                    .request(Vectors.load(session + "-session-setup-request-1"))
                    .response(Vectors.load(session + "-session-setup-response-1"),
                            dev.smbq.smb2.spec.NtStatus.MORE_PROCESSING_REQUIRED)
                    .request(Vectors.load(session + "-session-setup-request-2"))
                    .response(Vectors.load(session + "-session-setup-response-final"), dev.smbq.smb2.spec.NtStatus.SUCCESS);
            assertThat(preauth.hash().value()).as(session).isEqualTo(vector(session + "-preauth-h5"));
        }
    }

    @Test
    void keyLogLinesHaveTheFormWiresharkTakes() {
        Bytes sessionKey = hex("419FDDF34C1E001909D362AE7FB6AF79");
        SessionKeys keys = SessionKeys.derive(Dialect.SMB_3_1_1, CipherId.AES_128_GCM, sessionKey, vector("v1-preauth-h5"));
        java.util.List<String> lines = new java.util.ArrayList<>();
        KeyLog log = lines::add;
        log.session(0x100000000025L, sessionKey, keys);
        assertThat(lines).containsExactly("2500000000100000,419fddf34c1e001909d362ae7fb6af79,"
                + "748c50868c90f302962a5c35f5f9a8bf,a2f5e80e5d59103034f32e52f698e5ec");
    }
}
