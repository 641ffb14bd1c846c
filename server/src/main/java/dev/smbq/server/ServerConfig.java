package dev.smbq.server;

import dev.smbq.smb2.auth.AuthPolicy;
import dev.smbq.smb2.auth.ServerIdentity;
import dev.smbq.smb2.auth.UserStore;
import dev.smbq.smb2.crypto.KeyLog;
import dev.smbq.smb2.negotiate.NegotiatePolicy;
import dev.smbq.smb2.spec.SigningAlgorithm;
import dev.smbq.smb2.trace.MessageTrace;
import java.util.List;
import java.util.UUID;

/**
 * How a server behaves.
 *
 * @param shares        the disk shares (IPC$ is always answered, without files)
 * @param users         who may authenticate
 * @param authPolicy    whether guests and anonymous users get sessions
 * @param negotiation   dialects, ciphers, signing algorithms, signing requirement, and whether transport-level
 *                      security replaces SMB encryption over QUIC (accepted by default, as Windows does)
 * @param encryption    the server-wide encryption requirement (Session.EncryptData)
 * @param identity      the names given in NTLM challenges
 * @param serverGuid    ServerGuid
 * @param limits        credits, sessions, tree connects and opens a client may hold
 * @param keyLog        where session keys go, if anywhere (explicit opt-in)
 * @param trace         sees every message received and sent, decrypted as well (the {@code --trace} option)
 */
public record ServerConfig(List<Share> shares, UserStore users, AuthPolicy authPolicy, NegotiatePolicy negotiation,
                           EncryptionMode encryption, ServerIdentity identity, UUID serverGuid, ServerLimits limits,
                           KeyLog keyLog, MessageTrace trace) {
    public ServerConfig {
        shares = List.copyOf(shares);
    }

    /**
     * Signing required (AES-GMAC preferred, then AES-CMAC, then HMAC-SHA256 for clients that offer only that),
     * encryption off, transport security accepted over QUIC, the given shares and users.
     */
    public static ServerConfig of(List<Share> shares, UserStore users) {
        return new ServerConfig(shares, users, AuthPolicy.USERS_ONLY, serverNegotiation(), EncryptionMode.OFF,
                ServerIdentity.standalone("smbq"), UUID.randomUUID(), ServerLimits.defaults(), KeyLog.NONE,
                MessageTrace.NONE);
    }

    /** The server side's negotiation defaults. */
    public static NegotiatePolicy serverNegotiation() {
        return NegotiatePolicy.defaults().withSigningRequired(true).withSigningAlgorithms(List.of(
                SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC, SigningAlgorithm.HMAC_SHA256));
    }

    public ServerConfig withEncryption(EncryptionMode mode) {
        return new ServerConfig(shares, users, authPolicy, negotiation, mode, identity, serverGuid, limits,
                keyLog, trace);
    }

    public ServerConfig withNegotiation(NegotiatePolicy policy) {
        return new ServerConfig(shares, users, authPolicy, policy, encryption, identity, serverGuid, limits,
                keyLog, trace);
    }

    public ServerConfig withAuthPolicy(AuthPolicy policy) {
        return new ServerConfig(shares, users, policy, negotiation, encryption, identity, serverGuid, limits,
                keyLog, trace);
    }

    public ServerConfig withLimits(ServerLimits newLimits) {
        return new ServerConfig(shares, users, authPolicy, negotiation, encryption, identity, serverGuid, newLimits,
                keyLog, trace);
    }

    public ServerConfig withKeyLog(KeyLog log) {
        return new ServerConfig(shares, users, authPolicy, negotiation, encryption, identity, serverGuid, limits,
                log, trace);
    }

    public ServerConfig withTrace(MessageTrace newTrace) {
        return new ServerConfig(shares, users, authPolicy, negotiation, encryption, identity, serverGuid, limits,
                keyLog, newTrace);
    }
}
