package dev.smbq.smb2.transport;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The transport providers on the class path. */
public final class Transports {
    private Transports() {
    }

    public static List<TransportProvider> all() {
        return ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The provider with {@code id}, or an error naming the ones there are. */
    public static TransportProvider byId(String id) {
        List<TransportProvider> providers = all();
        return providers.stream().filter(provider -> provider.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transport '" + id + "'; available: "
                        + providers.stream().map(TransportProvider::id).collect(Collectors.joining(", "))));
    }
}
