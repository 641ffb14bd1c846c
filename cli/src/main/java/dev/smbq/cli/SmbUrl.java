package dev.smbq.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code smb://[USER[:PASS]@]HOST[:PORT]/SHARE[/PATH]}.
 *
 * @param user     the user name, or empty
 * @param password the password from the URL, or empty
 * @param host     the server name (also the name its certificate must carry)
 * @param port     the port, or -1 for the transport's default
 * @param share    the share name
 * @param path     the path inside the share, without a leading slash (empty: the share root)
 */
record SmbUrl(String user, String password, String host, int port, String share, String path) {
    static SmbUrl parse(String text) {
        URI uri = URI.create(text);
        if (!"smb".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawPath() == null) {
            throw new IllegalArgumentException("expected smb://[USER[:PASS]@]HOST[:PORT]/SHARE[/PATH], got " + text);
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        String path = decode(uri.getRawPath());
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        if (parts[0].isEmpty()) {
            throw new IllegalArgumentException("the URL names no share: " + text);
        }
        return new SmbUrl(user, password, uri.getHost(), uri.getPort(), parts[0], parts.length > 1 ? parts[1] : "");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
