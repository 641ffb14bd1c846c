package dev.smbq.bench;

import dev.smbq.smb2.spec.CipherId;

/** Cipher names as the benchmarks' parameters spell them. */
final class Ciphers {
    private Ciphers() {
    }

    static CipherId byName(String name) {
        return CipherId.names().all().entrySet().stream().filter(entry -> entry.getValue().equals(name))
                .map(entry -> new CipherId(entry.getKey())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cipher " + name));
    }

    static int keySize(CipherId cipher) {
        return cipher.equals(CipherId.AES_256_CCM) || cipher.equals(CipherId.AES_256_GCM) ? 32 : 16;
    }

    static boolean isGcm(CipherId cipher) {
        return cipher.equals(CipherId.AES_128_GCM) || cipher.equals(CipherId.AES_256_GCM);
    }
}
