package dev.smbq.server;

import dev.smbq.smb2.message.IoctlRequest;
import dev.smbq.smb2.message.IoctlResponse;
import dev.smbq.smb2.negotiate.NegotiatedParameters;
import dev.smbq.smb2.spec.Dialect;
import dev.smbq.smb2.spec.NtStatus;
import dev.smbq.smb2.wire.Bytes;
import dev.smbq.smb2.wire.SmbDecodeException;
import dev.smbq.smb2.wire.WireReader;
import dev.smbq.smb2.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** IOCTL ([MS-SMB2] 3.3.5.15): FSCTL_VALIDATE_NEGOTIATE_INFO; every other control is not supported. */
final class IoctlService {
    private static final int VALIDATE_NEGOTIATE_RESPONSE_SIZE = 24;

    private IoctlService() {
    }

    /** Thrown when validation fails: [MS-SMB2] 3.3.5.15.12 says the connection must be dropped. */
    static final class ValidationFailed extends Exception {
        ValidationFailed(String message) {
            super(message, null, false, false);
        }
    }

    static IoctlResponse ioctl(IoctlRequest request, NegotiatedParameters negotiated, int serverSecurityMode)
            throws StatusException, ValidationFailed {
        if (request.ctlCode() != IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO) {
            throw new StatusException(NtStatus.NOT_SUPPORTED, String.format("control 0x%08X", request.ctlCode()));
        }
        if ((request.flags() & IoctlRequest.FLAG_IS_FSCTL) == 0) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "FSCTL without SMB2_0_IOCTL_IS_FSCTL");
        }
        if (request.maxOutputResponse() < VALIDATE_NEGOTIATE_RESPONSE_SIZE) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "MaxOutputResponse too small");
        }
        // [MS-SMB2] 3.3.5.15.12: what the client says it negotiated must be what this connection negotiated
        int capabilities;
        UUID guid;
        int securityMode;
        List<Dialect> dialects = new ArrayList<>();
        try {
            WireReader in = WireReader.of(request.input());
            capabilities = in.u32();
            guid = in.guid();
            securityMode = in.u16();
            int count = in.u16();
            if (2L * count > in.remaining()) {
                throw new ValidationFailed("DialectCount exceeds the input");
            }
            for (int i = 0; i < count; i++) {
                dialects.add(new Dialect(in.u16()));
            }
        } catch (SmbDecodeException e) {
            throw new ValidationFailed("VALIDATE_NEGOTIATE_INFO input too short");
        }
        if (capabilities != negotiated.clientCapabilities() || !guid.equals(negotiated.clientGuid())
                || securityMode != negotiated.clientSecurityMode() || !dialects.equals(negotiated.clientDialects())) {
            throw new ValidationFailed("VALIDATE_NEGOTIATE_INFO does not match the NEGOTIATE");
        }
        byte[] output = new byte[VALIDATE_NEGOTIATE_RESPONSE_SIZE];
        WireWriter.of(output).u32(negotiated.serverCapabilities()).guid(negotiated.serverGuid())
                .u16(serverSecurityMode).u16(negotiated.dialect().code());
        return new IoctlResponse(request.ctlCode(), request.fileId(), 0, Bytes.EMPTY, Bytes.wrap(output));
    }
}
