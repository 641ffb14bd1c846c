package dev.smbq.server;

/**
 * What one client may hold on the server. Past a limit the request that would exceed it fails with
 * STATUS_INSUFFICIENT_RESOURCES and nothing else changes; the connection goes on.
 *
 * @param maxCredits      the most credits one connection may hold ([MS-SMB2] 3.3.1.2: the command sequence window)
 * @param maxSessions     the most sessions per connection
 * @param maxTreeConnects the most tree connects per session
 * @param maxOpens        the most opens per session
 */
public record ServerLimits(int maxCredits, int maxSessions, int maxTreeConnects, int maxOpens) {
    public static final int DEFAULT_MAX_SESSIONS = 64;
    public static final int DEFAULT_MAX_TREE_CONNECTS = 256;
    public static final int DEFAULT_MAX_OPENS = 4096;

    public ServerLimits {
        if (maxCredits < 1 || maxSessions < 1 || maxTreeConnects < 1 || maxOpens < 1) {
            throw new IllegalArgumentException("every limit must be at least 1: " + this);
        }
    }

    /** 8192 credits (as Samba grants), 64 sessions, 256 tree connects and 4096 opens. */
    public static ServerLimits defaults() {
        return new ServerLimits(8192, DEFAULT_MAX_SESSIONS, DEFAULT_MAX_TREE_CONNECTS, DEFAULT_MAX_OPENS);
    }

    public ServerLimits withMaxSessions(int sessions) {
        return new ServerLimits(maxCredits, sessions, maxTreeConnects, maxOpens);
    }

    public ServerLimits withMaxTreeConnects(int treeConnects) {
        return new ServerLimits(maxCredits, maxSessions, treeConnects, maxOpens);
    }

    public ServerLimits withMaxOpens(int opens) {
        return new ServerLimits(maxCredits, maxSessions, maxTreeConnects, opens);
    }
}
