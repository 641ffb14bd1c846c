package dev.smbq.smb2.message;

import java.util.List;

/**
 * [MS-SMB] 2.2.4.5.1 / [MS-CIFS] 2.2.4.52.1 SMB_COM_NEGOTIATE request, as multi-protocol clients send it first.
 * [MS-SMB2] 3.3.5.3.1: a server that finds "SMB 2.002" or "SMB 2.???" among the dialect strings answers with an
 * SMB2 NEGOTIATE response. Only the dialect strings matter here; the rest of the SMB1 header is checked, not kept.
 *
 * @param dialects the dialect strings, in the client's order
 */
public record Smb1NegotiateRequest(List<String> dialects) {
    public static final String SMB_2_002 = "SMB 2.002";
    public static final String SMB_2_WILDCARD = "SMB 2.???";

    public Smb1NegotiateRequest {
        dialects = List.copyOf(dialects);
    }
}
