package dev.smbq.smb2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbq.smb2.Vectors;
import dev.smbq.smb2.message.EchoRequest;
import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.message.Smb2Message;
import dev.smbq.smb2.message.UnknownBody;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.DecodeAction;
import dev.smbq.smb2.wire.SmbDecodeException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boundary cases: only the codec's own decode error comes out, and it says what to do. */
class HostileInputTest {

    private static void assertDecodeError(byte[] wire, DecodeAction action) {
        assertThatThrownBy(() -> Smb2Codec.decode(Bytes.wrap(wire))).isInstanceOfSatisfying(SmbDecodeException.class,
                e -> assertThat(e.action()).isEqualTo(action));
    }

    private static void putU16(byte[] wire, int offset, int value) {
        wire[offset] = (byte) value;
        wire[offset + 1] = (byte) (value >>> 8);
    }

    private static void putU32(byte[] wire, int offset, long value) {
        for (int i = 0; i < 4; i++) {
            wire[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 63})
    void truncatedHeaderDisconnects(int length) {
        byte[] wire = Arrays.copyOf(Vectors.load("v1-negotiate-request"), length);
        assertDecodeError(wire, DecodeAction.DISCONNECT);
    }

    @Test
    void wrongProtocolIdOrHeaderSizeDisconnects() {
        byte[] wire = Vectors.load("v1-negotiate-request");
        wire[0] = (byte) 0xFD;
        assertDecodeError(wire, DecodeAction.DISCONNECT);
        byte[] size = Vectors.load("v1-negotiate-request");
        putU16(size, 4, 65);
        assertDecodeError(size, DecodeAction.DISCONNECT);
    }

    @Test
    void wrongStructureSizeIsInvalidParameter() {
        byte[] wire = Vectors.load("v1-negotiate-request");
        putU16(wire, 64, 35);
        assertThatThrownBy(() -> Smb2Codec.decode(Bytes.wrap(wire))).isInstanceOfSatisfying(SmbDecodeException.class,
                e -> assertThat(e.status()).isEqualTo(NtStatus.INVALID_PARAMETER));
    }

    @Test
    void bodyShorterThanItsFixedPartIsInvalidParameter() {
        assertDecodeError(Arrays.copyOf(Vectors.load("v1-write-request-plaintext"), 64 + 20), DecodeAction.RESPOND);
        assertDecodeError(Arrays.copyOf(Vectors.load("v1-write-request-plaintext"), 64), DecodeAction.RESPOND);
    }

    @Test
    void bufferPastTheEndIsInvalidParameter() {
        byte[] write = Vectors.load("v1-write-request-plaintext");
        putU32(write, 0x44, 24); // Length one byte longer than the data present
        assertDecodeError(write, DecodeAction.RESPOND);
    }

    @Test
    void offsetPlusLengthOverflowIsInvalidParameter() {
        byte[] write = Vectors.load("v1-write-request-plaintext");
        putU32(write, 0x44, 0xFFFFFFFFL); // Length near 4 GiB: offset + length would wrap in 32 bits
        assertDecodeError(write, DecodeAction.RESPOND);
    }

    @Test
    void bufferInsideTheFixedPartIsInvalidParameter() {
        byte[] setup = Vectors.load("v1-session-setup-request-1");
        putU16(setup, 0x4C, 0x50); // SecurityBufferOffset pointing into the fixed fields
        assertDecodeError(setup, DecodeAction.RESPOND);
    }

    @Test
    void negotiateCountsLargerThanTheMessageAreInvalidParameter() {
        byte[] dialects = Vectors.load("v1-negotiate-request");
        putU16(dialects, 0x42, 0xFFFF);
        assertDecodeError(dialects, DecodeAction.RESPOND);
        byte[] contexts = Vectors.load("v1-negotiate-request");
        putU16(contexts, 0x60, 0xFFFF);
        assertDecodeError(contexts, DecodeAction.RESPOND);
        byte[] zero = Vectors.load("v1-negotiate-request");
        putU16(zero, 0x42, 0);
        assertDecodeError(zero, DecodeAction.RESPOND);
    }

    @Test
    void misplacedNegotiateContextOffsetIsInvalidParameter() {
        for (long offset : List.of(0x6EL, 0x64L, 0x08L, 0xFFFFFFF8L)) {
            byte[] wire = Vectors.load("v1-negotiate-request");
            putU32(wire, 0x5C, offset);
            assertDecodeError(wire, DecodeAction.RESPOND);
        }
    }

    @Test
    void contextDataLengthPastTheEndIsInvalidParameter() {
        byte[] wire = Vectors.load("v1-negotiate-request");
        putU16(wire, 0xA2, 0x4000); // the ENCRYPTION context's DataLength
        assertDecodeError(wire, DecodeAction.RESPOND);
    }

    @Test
    void lockCountBeyondTheMessageIsInvalidParameter() {
        byte[] lock = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.LOCK, 1),
                new dev.smbq.smb2.message.LockRequest(0, dev.smbq.smb2.message.FileId.ZERO,
                        List.of(new dev.smbq.smb2.message.LockElement(0, 1, 2)))));
        putU16(lock, 0x42, 0xFFFF);
        assertDecodeError(lock, DecodeAction.RESPOND);
        putU16(lock, 0x42, 0);
        assertDecodeError(lock, DecodeAction.RESPOND);
    }

    @Test
    void unknownCommandsAreKeptRaw() {
        byte[] echo = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()));
        putU16(echo, 12, 0x0077);
        Smb2Message message = Smb2Codec.decode(Bytes.wrap(echo));
        assertThat(message.body()).isInstanceOf(UnknownBody.class);
        assertThat(message.header().command().isKnown()).isFalse();
        assertThat(Smb2Codec.encode(message)).isEqualTo(echo);
    }

    @Test
    void compoundNextCommandLoopsAndMisalignmentDisconnect() {
        byte[] echo = Smb2Codec.encode(new Smb2Message(Smb2Header.request(Command.ECHO, 1), new EchoRequest()));
        byte[] chain = Arrays.copyOf(echo, 72 + echo.length);
        System.arraycopy(echo, 0, chain, 72, echo.length);
        for (long next : List.of(8L, 68L, 60L, 0xFFFFFFF8L, 200L)) {
            putU32(chain, 20, next);
            assertThatThrownBy(() -> CompoundChain.split(Bytes.wrap(chain)))
                    .isInstanceOfSatisfying(SmbDecodeException.class,
                            e -> assertThat(e.action()).isEqualTo(DecodeAction.DISCONNECT));
        }
        putU32(chain, 20, 72);
        assertThat(CompoundChain.split(Bytes.wrap(chain))).hasSize(2);
    }

    @Test
    void transformWithWrongSizeDisconnects() {
        byte[] wire = Vectors.load("v1-write-request-transform");
        assertThatThrownBy(() -> TransformCodec.decode(Bytes.wrap(Arrays.copyOf(wire, wire.length - 1))))
                .isInstanceOfSatisfying(SmbDecodeException.class,
                        e -> assertThat(e.action()).isEqualTo(DecodeAction.DISCONNECT));
        assertThatThrownBy(() -> TransformCodec.decode(Bytes.wrap(Arrays.copyOf(wire, 40))))
                .isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void compressedPayloadLengthPastTheEndDisconnects() {
        byte[] wire = Vectors.load("compression-chained-smb-rs");
        putU32(wire, 12, 0x7FFFFFFF);
        assertThatThrownBy(() -> CompressionCodec.decode(Bytes.wrap(wire))).isInstanceOf(SmbDecodeException.class);
    }
}
