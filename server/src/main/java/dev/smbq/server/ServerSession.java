package dev.smbq.server;

import dev.smbq.smb2.auth.AuthenticatedUser;
import dev.smbq.smb2.auth.SpnegoServer;
import dev.smbq.smb2.crypto.SessionKeys;
import dev.smbq.smb2.crypto.SessionPreauth;
import dev.smbq.smb2.crypto.Smb2Signer;
import dev.smbq.smb2.crypto.TransformSealer;
import dev.smbq.smb2.crypto.TransformUnsealer;
import java.util.HashMap;
import java.util.Map;

/**
 * [MS-SMB2] 3.3.1.8 Session: one authenticated user on a connection, its keys, and its tree connects. Mutated only
 * by its connection's worker.
 */
final class ServerSession {
    final long id;
    /** During setup: the authentication under way and the session's pre-auth hash. */
    SpnegoServer authentication;
    SessionPreauth preauth;
    /** Once set up. */
    AuthenticatedUser user;
    SessionKeys keys;
    Smb2Signer signer;
    TransformSealer sealer;
    TransformUnsealer unsealer;
    boolean signingRequired;
    boolean encryptData;
    final Map<Integer, TreeConnect> trees = new HashMap<>();
    /** Opens by the volatile half of their FileId. */
    final Map<Long, OpenFile> opens = new HashMap<>();
    private int nextTreeId = 1;

    ServerSession(long id) {
        this.id = id;
    }

    boolean established() {
        return user != null;
    }

    /** Guest and anonymous sessions have no session key: they can neither sign nor encrypt. */
    boolean hasKey() {
        return established() && user.kind() == AuthenticatedUser.Kind.USER;
    }

    TreeConnect connect(Share share, boolean ipc, boolean encrypt) {
        TreeConnect tree = new TreeConnect(nextTreeId++, share, ipc, encrypt);
        trees.put(tree.id(), tree);
        return tree;
    }

    /**
     * [MS-SMB2] 3.3.1.10 TreeConnect.
     *
     * @param id          TreeId
     * @param share       the disk share, or null for IPC$
     * @param ipc         whether this is the IPC$ pipe share
     * @param encryptData TreeConnect.EncryptData: requests on it must arrive encrypted
     */
    record TreeConnect(int id, Share share, boolean ipc, boolean encryptData) {
    }
}
