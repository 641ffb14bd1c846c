package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;

/**
 * [MS-NLMP] 2.2.1.1 NEGOTIATE_MESSAGE.
 *
 * @param flags       NegotiateFlags
 * @param domain      DomainName (OEM), usually empty
 * @param workstation Workstation (OEM), usually empty
 * @param version     Version (8 bytes when NTLMSSP_NEGOTIATE_VERSION is set, else empty)
 */
public record NtlmNegotiate(int flags, String domain, String workstation, Bytes version) {
}
