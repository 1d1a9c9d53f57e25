package io.newsgraph.gateway.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CSRF prevention as Apollo Router and Apollo Server do it: a browser sends a request cross-site without asking
 * first (a CORS preflight) only when it has no custom header and a "simple" content type ({@code text/plain},
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data}) or none (a GET, a form). Such a request is
 * refused unless it carries one of the required headers, which no cross-site page can add without a preflight,
 * which CORS then decides.
 */
public final class CsrfPolicy {

    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    private final List<String> requiredHeaders;

    public CsrfPolicy(List<String> requiredHeaders) {
        this.requiredHeaders = requiredHeaders.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    public List<String> requiredHeaders() {
        return requiredHeaders;
    }

    /**
     * Whether a request with this {@code Content-Type} (null when absent) and these headers could have been sent
     * cross-site without a preflight, and carries none of the required headers.
     */
    public boolean refuses(String contentType, UnaryOperator<String> header) {
        for (String h : requiredHeaders) {
            String v = header.apply(h);
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        if (contentType == null) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        // An empty or unparsable type is what a browser's simple request may carry too.
        return essence.isEmpty() || SIMPLE_TYPES.contains(essence) || !essence.contains("/");
    }

    public String message() {
        return "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Send a Content-Type "
                + "other than application/x-www-form-urlencoded, multipart/form-data or text/plain (such as application/json), "
                + "or a non-empty header " + String.join(" or ", requiredHeaders) + ".";
    }
}
