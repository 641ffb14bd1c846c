package dev.smbq.smb2.codec;

import dev.smbq.smb2.message.LogoffRequest;
import dev.smbq.smb2.message.LogoffResponse;
import dev.smbq.smb2.message.SessionSetupRequest;
import dev.smbq.smb2.message.SessionSetupResponse;
import dev.smbq.smb2.message.TreeConnectRequest;
import dev.smbq.smb2.message.TreeConnectResponse;
import dev.smbq.smb2.message.TreeDisconnectRequest;
import dev.smbq.smb2.message.TreeDisconnectResponse;

/** Codecs of SESSION_SETUP, LOGOFF, TREE_CONNECT and TREE_DISCONNECT ([MS-SMB2] 2.2.5 - 2.2.12). */
final class SessionCodecs {
    private SessionCodecs() {
    }

    static final BodyCodec<SessionSetupRequest> SESSION_SETUP_REQUEST = new BodyCodec<>(SessionSetupRequest.class, 25,
            request -> request.securityBuffer().length(),
            (request, out) -> {
                BufferFields.checkUshortLength(request.securityBuffer());
                out.u8(request.flags()).u8(request.securityMode()).u32(request.capabilities()).u32(request.channel());
                out.u16(BufferFields.offsetOf(request.securityBuffer(), 0x58)).u16(request.securityBuffer().length());
                out.u64(request.previousSessionId());
                out.bytes(request.securityBuffer());
            },
            in -> {
                int flags = in.u8();
                int securityMode = in.u8();
                int capabilities = in.u32();
                int channel = in.u32();
                int offset = in.u16();
                int length = in.u16();
                long previousSessionId = in.u64();
                return new SessionSetupRequest(flags, securityMode, capabilities, channel, previousSessionId,
                        in.region(offset, length, 0x58));
            },
            true);

    static final BodyCodec<SessionSetupResponse> SESSION_SETUP_RESPONSE = new BodyCodec<>(SessionSetupResponse.class, 9,
            response -> response.securityBuffer().length(),
            (response, out) -> {
                BufferFields.checkUshortLength(response.securityBuffer());
                out.u16(response.sessionFlags());
                out.u16(BufferFields.offsetOf(response.securityBuffer(), 0x48)).u16(response.securityBuffer().length());
                out.bytes(response.securityBuffer());
            },
            in -> {
                int sessionFlags = in.u16();
                int offset = in.u16();
                int length = in.u16();
                return new SessionSetupResponse(sessionFlags, in.region(offset, length, 0x48));
            },
            false);

    static final BodyCodec<LogoffRequest> LOGOFF_REQUEST =
            BodyCodec.fixed(LogoffRequest.class, 4, (request, out) -> out.u16(0), in -> new LogoffRequest());

    static final BodyCodec<LogoffResponse> LOGOFF_RESPONSE =
            BodyCodec.fixed(LogoffResponse.class, 4, (response, out) -> out.u16(0), in -> new LogoffResponse());

    static final BodyCodec<TreeConnectRequest> TREE_CONNECT_REQUEST = new BodyCodec<>(TreeConnectRequest.class, 9,
            request -> Utf16.length(request.path()),
            (request, out) -> {
                byte[] path = Utf16.encode(request.path());
                BufferFields.checkUshortLength(path.length);
                out.u16(request.flags()).u16(path.length == 0 ? 0 : 0x48).u16(path.length).bytes(path);
            },
            in -> {
                int flags = in.u16();
                int offset = in.u16();
                int length = in.u16();
                return new TreeConnectRequest(flags, Utf16.decode(in.region(offset, length, 0x48)));
            },
            true);

    static final BodyCodec<TreeConnectResponse> TREE_CONNECT_RESPONSE = BodyCodec.fixed(TreeConnectResponse.class, 16,
            (response, out) -> out.u8(response.shareType()).u8(0).u32(response.shareFlags())
                    .u32(response.capabilities()).u32(response.maximalAccess()),
            in -> {
                int shareType = in.u8();
                in.skip(1);
                return new TreeConnectResponse(shareType, in.u32(), in.u32(), in.u32());
            });

    static final BodyCodec<TreeDisconnectRequest> TREE_DISCONNECT_REQUEST = BodyCodec.fixed(
            TreeDisconnectRequest.class, 4, (request, out) -> out.u16(0), in -> new TreeDisconnectRequest());

    static final BodyCodec<TreeDisconnectResponse> TREE_DISCONNECT_RESPONSE = BodyCodec.fixed(
            TreeDisconnectResponse.class, 4, (response, out) -> out.u16(0), in -> new TreeDisconnectResponse());
}
