package dev.smbq.smb2.message;

import dev.smbq.smb2.spec.Command;
import dev.smbq.smb2.wire.Bytes;

/**
 * The body of a command this codec does not model, kept as it came so that a server can answer it and a trace can
 * show it.
 *
 * @param command    the command from the header
 * @param isResponse whether the header said server-to-client
 * @param body       everything after the header
 */
public record UnknownBody(Command command, boolean isResponse, Bytes body) implements Smb2Body {
    public UnknownBody {
        java.util.Objects.requireNonNull(command, "command");
        java.util.Objects.requireNonNull(body, "body");
    }
}
