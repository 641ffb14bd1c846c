package dev.smbq.smb2.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smbq.smb2.auth.AuthPolicy;
import dev.smbq.smb2.auth.AuthenticationException;
import dev.smbq.smb2.auth.NtlmServer;
import dev.smbq.smb2.auth.ServerIdentity;
import dev.smbq.smb2.auth.SpnegoServer;
import dev.smbq.smb2.auth.UserStore;
import java.time.Clock;
import java.util.Random;

/** Fuzzes the server's authentication with two arbitrary SESSION_SETUP tokens: it may only refuse them. */
class SpnegoServerFuzzTest {
    private static final UserStore USERS = UserStore.parse("alice:password:Secret");

    @FuzzTest(maxDuration = FuzzDuration.EACH)
    void fuzz(FuzzedDataProvider data) {
        SpnegoServer server = new SpnegoServer(new NtlmServer(USERS, new AuthPolicy(data.consumeBoolean(),
                data.consumeBoolean()), ServerIdentity.standalone("fuzz"), new Random(1), Clock.systemUTC()));
        try {
            server.accept(data.consumeBytes(data.consumeInt(0, 4096)));
            server.accept(data.consumeRemainingAsBytes());
        } catch (AuthenticationException expected) {
            // a refusal is the one allowed outcome
        }
    }
}
