package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-NLMP] 2.2.2.1 AV_PAIR: one attribute of a CHALLENGE's TargetInfo (and of the NTLMv2 response that echoes it).
 *
 * @param id    AvId
 * @param value Value
 */
public record AvPair(int id, Bytes value) {
    public static final int EOL = 0x0000;
    public static final int NB_COMPUTER_NAME = 0x0001;
    public static final int NB_DOMAIN_NAME = 0x0002;
    public static final int DNS_COMPUTER_NAME = 0x0003;
    public static final int DNS_DOMAIN_NAME = 0x0004;
    public static final int DNS_TREE_NAME = 0x0005;
    public static final int FLAGS = 0x0006;
    public static final int TIMESTAMP = 0x0007;
    public static final int SINGLE_HOST = 0x0008;
    public static final int TARGET_NAME = 0x0009;
    public static final int CHANNEL_BINDINGS = 0x000A;
    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    public static final int FLAG_MIC_PRESENT = 0x00000002;

    public AvPair {
        java.util.Objects.requireNonNull(value, "value");
    }
}
