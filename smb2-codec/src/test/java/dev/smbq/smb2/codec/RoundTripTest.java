package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbq.smb2.message.*;
import dev.smbq.smb2.message.context.*;
import dev.smbq.smb2.spec.*;
import dev.smbq.smb2.wire.Bytes;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type survives encode then decode unchanged, and encodes again to the same bytes. */
class RoundTripTest {
    private static final FileId FILE = new FileId(0x1122334455667788L, 0x99AABBCCDDEEFF00L);
    private static final Bytes KEY = Bytes.fromHex("00112233445566778899AABBCCDDEEFF");
    private static final UUID GUID = UUID.fromString("21a63604-ef37-11ea-bb9e-00155d546615");

    static Stream<Smb2Body> bodies() {
        return Stream.of(
                new NegotiateRequest(1, 0x7F, GUID, List.of(Dialect.SMB_2_0_2, Dialect.SMB_3_1_1), List.of(
                        new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.fromHex("0102030405")),
                        new EncryptionCapabilities(List.of(CipherId.AES_256_GCM, CipherId.AES_128_CCM)),
                        new CompressionCapabilities(ContextFlags.COMPRESSION_CHAINED,
                                List.of(CompressionAlgorithm.LZ4, CompressionAlgorithm.PATTERN_V1)),
                        new NetnameNegotiateContextId("files.example"),
                        TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY,
                        new RdmaTransformCapabilities(List.of(RdmaTransformId.ENCRYPTION)),
                        new SigningCapabilities(List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.HMAC_SHA256)),
                        new RawNegotiateContext(NegotiateContextType.RESERVED,
                                Bytes.fromHex("93AD25509CB411E7B42383DE968BCD7C")),
                        new RawNegotiateContext(new NegotiateContextType(0x7777), Bytes.fromHex("ABCDEF")))),
                new NegotiateRequest(3, 0, GUID, List.of(Dialect.SMB_2_1, Dialect.SMB_3_0), List.of()),
                new NegotiateResponse(3, Dialect.SMB_3_1_1, GUID, 0x27, 8388608, 8388608, 8388608, 0x01D6F0C0A1B2C3D4L,
                        0, Bytes.fromHex("6082013C06"), List.of(
                        new PreauthIntegrityCapabilities(List.of(HashAlgorithm.SHA_512), Bytes.fromHex("AA".repeat(32))),
                        new EncryptionCapabilities(List.of(CipherId.NONE)),
                        TransportCapabilities.ACCEPT_TRANSPORT_LEVEL_SECURITY)),
                new NegotiateResponse(1, Dialect.SMB_2_WILDCARD, GUID, 0, 65536, 65536, 65536, 1, 0, Bytes.EMPTY,
                        List.of()),
                new SessionSetupRequest(1, 2, 1, 0, 0x1234, Bytes.fromHex("604806062B0601050502")),
                new SessionSetupResponse(SessionSetupResponse.FLAG_IS_GUEST, Bytes.fromHex("A11B3019A003")),
                new SessionSetupResponse(0, Bytes.EMPTY),
                new LogoffRequest(), new LogoffResponse(),
                new TreeConnectRequest(0, "\\\\server\\share"),
                new TreeConnectResponse(TreeConnectResponse.SHARE_TYPE_DISK, TreeConnectResponse.SHAREFLAG_ENCRYPT_DATA,
                        0, 0x001F01FF),
                new TreeDisconnectRequest(), new TreeDisconnectResponse(),
                new CreateRequest(0, 0xFF, 2, 0, 0x0012019F, 0x80, 7, 3, 0x40, "dir\\file.txt", List.of(
                        new MaximalAccessRequest(0), new QueryOnDiskIdRequest(),
                        new LeaseContext(2, KEY, 7, 0, 0, KEY, 3),
                        new DurableHandleRequestV2(60000, 0, GUID),
                        new RawCreateContext(CreateContext.tag("TWrp"), Bytes.fromHex("0102030405060708")))),
                new CreateRequest(0, 0, 2, 0, 0x80, 0, 7, 1, 0, "", List.of()),
                new CreateResponse(0xFF, 0, 2, 1, 2, 3, 4, 4096, 10, 0x20, FILE, List.of(
                        new MaximalAccessResponse(NtStatus.SUCCESS, 0x001F01FF),
                        new QueryOnDiskIdResponse(42, 7),
                        new LeaseContext(1, KEY, 1, 0, 0, Bytes.EMPTY, 0),
                        new DurableHandleResponseV2(60000, 0))),
                new CloseRequest(CloseRequest.FLAG_POSTQUERY_ATTRIB, FILE),
                new CloseResponse(1, 1, 2, 3, 4, 4096, 10, 0x20),
                new FlushRequest(FILE), new FlushResponse(),
                new ReadRequest(0x50, 0, 65536, 1 << 20, FILE, 1, 0, 0, Bytes.EMPTY),
                new ReadResponse(0, 0, Bytes.fromHex("DEADBEEF")),
                new ReadResponse(0, 0, Bytes.EMPTY),
                new WriteRequest(4096, FILE, 0, 0, 0, Bytes.fromHex("CAFEBABE"), Bytes.EMPTY),
                new WriteResponse(4, 0),
                new OplockBreakNotification(1, FILE), new OplockBreakAcknowledgment(1, FILE),
                new OplockBreakResponse(1, FILE),
                new LeaseBreakNotification(2, 1, KEY, 7, 1, 0, 0, 0),
                new LeaseBreakAcknowledgment(0, KEY, 1, 0), new LeaseBreakResponse(0, KEY, 1, 0),
                new LockRequest(0, FILE, List.of(new LockElement(0, 10, LockElement.EXCLUSIVE_LOCK),
                        new LockElement(100, 5, LockElement.UNLOCK))),
                new LockResponse(), new EchoRequest(), new EchoResponse(), new CancelRequest(),
                new IoctlRequest(IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.RELATED, 0, 24,
                        IoctlRequest.FLAG_IS_FSCTL, Bytes.fromHex("7F000000"), Bytes.EMPTY),
                new IoctlResponse(IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.RELATED, 0, Bytes.EMPTY,
                        Bytes.fromHex("0102")),
                new QueryDirectoryRequest(0x25, QueryDirectoryRequest.FLAG_RESTART_SCANS, 0, FILE, "*", 65536),
                new QueryDirectoryResponse(Bytes.fromHex("00000000")),
                new ChangeNotifyRequest(1, 4096, FILE, 0x17),
                new ChangeNotifyResponse(Bytes.EMPTY),
                new QueryInfoRequest(QueryInfoRequest.INFO_FILE, 0x12, 4096, 0, 0, FILE, Bytes.EMPTY),
                new QueryInfoResponse(Bytes.fromHex("0102030405060708")),
                new SetInfoRequest(1, 0x14, 0, FILE, Bytes.fromHex("0010000000000000")),
                new SetInfoResponse(),
                ErrorResponse.of(Command.CREATE),
                new ErrorResponse(Command.TREE_CONNECT, List.of(new ErrorResponse.ErrorContext(0, Bytes.fromHex("01")),
                        new ErrorResponse.ErrorContext(0x72645253, Bytes.fromHex("0203040506070809"))), Bytes.EMPTY),
                new ErrorResponse(Command.CREATE, List.of(), Bytes.fromHex("0102030405060708")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void encodeDecodeEncode(Smb2Body body) {
        Smb2Header request = Smb2Header.request(body.command(), 7).withSession(0x100000000025L, 5);
        Smb2Header header = body.isResponse()
                ? Smb2Header.responseTo(request, body instanceof ErrorResponse ? NtStatus.ACCESS_DENIED
                : NtStatus.SUCCESS, 1) : request;
        if (body instanceof OplockBreakNotification || body instanceof LeaseBreakNotification) {
            header = header.withMessageId(-1); // unsolicited: [MS-SMB2] 3.3.4.6
        }
        Smb2Message message = new Smb2Message(header, body);
        byte[] encoded = Smb2Codec.encode(message);
        Smb2Message decoded = Smb2Codec.decode(Bytes.wrap(encoded));
        assertThat(decoded).isEqualTo(message);
        assertThat(Smb2Codec.encode(decoded)).isEqualTo(encoded);
    }

    /** A READ response whose data was read to its place is encoded around it, with the bytes a copy would give. */
    @Test
    void aReadResponseWhoseDataSitsInPlaceIsEncodedAroundIt() {
        byte[] data = Bytes.fromHex("0102030405060708090A").toByteArray();
        byte[] response = new byte[ReadResponse.DATA_OFFSET + data.length];
        System.arraycopy(data, 0, response, ReadResponse.DATA_OFFSET, data.length);
        Smb2Header header = Smb2Header.responseTo(Smb2Header.request(Command.READ, 9), NtStatus.SUCCESS, 1);

        byte[] inPlace = Smb2Codec.encode(new Smb2Message(header,
                new ReadResponse(0, 0, Bytes.payloadOf(response, ReadResponse.DATA_OFFSET, data.length))));
        byte[] copied = Smb2Codec.encode(new Smb2Message(header, new ReadResponse(0, 0, Bytes.wrap(data))));

        assertThat(inPlace).isSameAs(response).isEqualTo(copied);
        assertThat(((ReadResponse) Smb2Codec.decode(Bytes.wrap(inPlace)).body()).data()).isEqualTo(Bytes.wrap(data));
    }

    /** Only a payload placed for it is written around: re-encoding a received response leaves what arrived alone. */
    @Test
    void aDecodedReadResponseIsEncodedIntoANewArray() {
        Smb2Header header = Smb2Header.responseTo(Smb2Header.request(Command.READ, 9), NtStatus.SUCCESS, 1);
        byte[] received = Smb2Codec.encode(new Smb2Message(header, new ReadResponse(0, 0, Bytes.fromHex("CAFE"))));
        byte[] before = received.clone();
        Smb2Message decoded = Smb2Codec.decode(Bytes.wrap(received));

        byte[] again = Smb2Codec.encode(new Smb2Message(decoded.header().withMessageId(10), decoded.body()));

        assertThat(again).isNotSameAs(received);
        assertThat(received).isEqualTo(before);
    }
}
