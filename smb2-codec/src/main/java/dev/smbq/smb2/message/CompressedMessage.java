package dev.smbq.smb2.message;

/**
 * [MS-SMB2] 2.2.42 SMB2 COMPRESSION_TRANSFORM_HEADER (0xFC 'SMB') with what follows it, in its unchained
 * (2.2.42.1) or chained (2.2.42.2) form. The compression algorithms themselves are elsewhere.
 */
public interface CompressedMessage {
    int PROTOCOL_ID = 0x424D53FC;

    /** OriginalCompressedSegmentSize: the size of the message once decompressed. */
    long originalCompressedSegmentSize();
}
