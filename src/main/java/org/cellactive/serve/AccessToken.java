package org.cellactive.serve;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every request must carry, as Jupyter's: random per start, 256 bits, URL-safe
 * base64 (letters, digits, {@code -}, {@code _}). A page of another site can send requests to
 * 127.0.0.1 but cannot read the token, so it cannot label.
 */
final class AccessToken {
    static final String HEADER = "X-Cellactive-Token";
    static final String PARAMETER = "token";

    private final byte[] value;

    private AccessToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    static AccessToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    /** True when the request carries the token in the header or in {@code ?token=}. */
    boolean admits(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(HEADER);
        if (given == null) {
            given = queryParameter(exchange.getRequestURI().getRawQuery(), PARAMETER);
        }
        // Constant time: the comparison must not tell how many leading characters were right.
        return given != null && MessageDigest.isEqual(value, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
