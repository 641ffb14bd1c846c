package dev.smbq.smb2.auth;

import dev.smbq.smb2.wire.Bytes;
import java.util.List;

/**
 * [MS-NLMP] 2.2.1.2 CHALLENGE_MESSAGE.
 *
 * @param targetName      TargetName
 * @param flags           NegotiateFlags
 * @param serverChallenge ServerChallenge (8 bytes)
 * @param targetInfo      TargetInfo as AV pairs, MsvAvEOL included
 * @param version         Version (8 bytes, or empty)
 */
public record NtlmChallenge(String targetName, int flags, Bytes serverChallenge, List<AvPair> targetInfo,
                            Bytes version) {
    public NtlmChallenge {
        targetInfo = List.copyOf(targetInfo);
        if (serverChallenge.length() != 8) {
            throw new IllegalArgumentException("ServerChallenge is 8 bytes");
        }
    }
}
