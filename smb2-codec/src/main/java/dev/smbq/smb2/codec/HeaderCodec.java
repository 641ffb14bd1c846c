package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.Smb2Header;
import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;

/** [MS-SMB2] 2.2.1 SMB2 Packet Header codec. A header that cannot be read leaves nobody to answer: disconnect. */
final class HeaderCodec {
    private HeaderCodec() {
    }

    static void write(Smb2Header header, WireWriter out) {
        out.u32(Smb2Codec.PROTOCOL_ID).u16(Smb2Header.SIZE).u16(header.creditCharge()).u32(header.status());
        out.u16(header.command().code()).u16(header.creditRequestResponse()).u32(header.flags());
        out.u32(header.nextCommand()).u64(header.messageId());
        if (header.isAsync()) {
            out.u64(header.asyncId());
        } else {
            out.u32(header.processId()).u32(header.treeId());
        }
        out.u64(header.sessionId()).bytes(header.signature());
    }

    static Smb2Header read(WireReader in) {
        if (in.remaining() < Smb2Header.SIZE) {
            throw SmbDecodeException.disconnect("message of " + in.remaining() + " bytes is shorter than an SMB2 header");
        }
        if (in.u32() != Smb2Codec.PROTOCOL_ID) {
            throw SmbDecodeException.disconnect("ProtocolId is not 0xFE 'SMB'");
        }
        // [MS-SMB2] 3.3.5.2: the header's StructureSize MUST be 64; anything else is not an SMB2 header.
        int structureSize = in.u16();
        if (structureSize != Smb2Header.SIZE) {
            throw SmbDecodeException.disconnect("header StructureSize " + structureSize + " is not 64");
        }
        int creditCharge = in.u16();
        int status = in.u32();
        Command command = new Command(in.u16());
        int credits = in.u16();
        int flags = in.u32();
        long nextCommand = in.u32Unsigned();
        long messageId = in.u64();
        long asyncId = 0;
        int processId = 0;
        int treeId = 0;
        if ((flags & dev.smbq.smb2.spec.HeaderFlags.ASYNC_COMMAND) != 0) {
            asyncId = in.u64();
        } else {
            processId = in.u32();
            treeId = in.u32();
        }
        long sessionId = in.u64();
        Bytes signature = in.bytes(Smb2Header.SIGNATURE_SIZE);
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, asyncId,
                processId, treeId, sessionId, signature);
    }
}
