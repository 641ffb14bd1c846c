package dev.smbq.smb2.negotiate;

import dev.smbq.smb2.message.context.NegotiateContext;
import dev.smbq.smb2.message.context.RawNegotiateContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The interpreted contexts of one NEGOTIATE message, by type; unknown (raw) contexts are left out, as ignored. */
final class ContextIndex {
    private final Map<Class<?>, NegotiateContext> byType = new HashMap<>();

    private ContextIndex() {
    }

    /**
     * Indexes the known contexts, or names the first type that appears twice ([MS-SMB2] 3.3.5.4 / 3.2.5.2:
     * a context type the receiver interprets may appear only once).
     */
    static ContextIndex of(List<NegotiateContext> contexts, java.util.function.Consumer<String> onDuplicate) {
        ContextIndex index = new ContextIndex();
        for (NegotiateContext context : contexts) {
            if (context instanceof RawNegotiateContext) {
                continue;
            }
            if (index.byType.putIfAbsent(context.getClass(), context) != null) {
                onDuplicate.accept(context.type().name());
            }
        }
        return index;
    }

    <T extends NegotiateContext> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(byType.get(type)));
    }
}
