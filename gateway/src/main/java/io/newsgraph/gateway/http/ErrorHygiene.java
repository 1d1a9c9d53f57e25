package io.newsgraph.gateway.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The last check on errors before they reach a client: a message that names internals (a Java class or exception,
 * SQL or a database error, a stack frame, a host and port or URL) is replaced by a neutral one with an error id,
 * and the original is logged under that id; extensions that describe exceptions are dropped. Subgraphs are meant to
 * send clean errors already; this keeps one that does not from leaking through the public endpoint.
 */
final class ErrorHygiene {

    private static final Logger LOG = Logger.getLogger(ErrorHygiene.class);

    private static final Pattern INTERNAL = Pattern.compile(String.join("|",
            // a package-qualified class name: io.newsgraph.x.Y, java.net.http.HttpTimeoutException
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*",
            // an exception or error type: NullPointerException, OutOfMemoryError
            "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b",
            // a stack frame
            "\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)",
            // SQL and database errors
            "(?i)\\b(select\\b.+\\bfrom|insert\\s+into|update\\b.+\\bset|delete\\s+from)\\b",
            "(?i)\\bsql\\s*state\\b|\\bjdbc:|\\bpsql\\b|\\bpostgres(ql)?\\b|\\bhibernate\\b|\\bsyntax error at or near\\b",
            // a URL or host:port
            "(?i)\\b[a-z][a-z0-9+.-]*://",
            "\\b[A-Za-z][A-Za-z0-9-]*[A-Za-z](\\.[A-Za-z0-9-]+)*:\\d{2,5}\\b",
            "\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"));

    private static final List<String> INTERNAL_EXTENSIONS = List.of("exception", "stacktrace", "stackTrace", "cause");

    private ErrorHygiene() {
    }

    static boolean isInternal(String message) {
        return message != null && INTERNAL.matcher(message).find();
    }

    /** The errors as a client may see them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> clean(List<Map<String, Object>> errors) {
        List<Map<String, Object>> out = new ArrayList<>(errors.size());
        for (Map<String, Object> e : errors) {
            Object message = e.get("message");
            Object ext = e.get("extensions");
            boolean dirtyMessage = message instanceof String m && isInternal(m);
            boolean dirtyExtensions = ext instanceof Map<?, ?> x && dirty((Map<String, Object>) x);
            if (!dirtyMessage && !dirtyExtensions) {
                out.add(e);
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(e);
            if (ext instanceof Map<?, ?> x) {
                Map<String, Object> cleaned = new LinkedHashMap<>((Map<String, Object>) x);
                INTERNAL_EXTENSIONS.forEach(cleaned::remove);
                if (cleaned.get("classification") instanceof String c && isInternal(c)) {
                    cleaned.remove("classification");
                }
                copy.put("extensions", cleaned);
            }
            if (dirtyMessage) {
                String id = UUID.randomUUID().toString();
                LOG.warnf("an error message naming internals was replaced [%s]: %s", id, message);
                Object service = copy.get("extensions") instanceof Map<?, ?> x ? x.get("serviceName") : null;
                copy.put("message", (service == null ? "A service" : "Subgraph \"" + service + "\"")
                        + " failed to resolve this field (error id " + id + ").");
            }
            out.add(copy);
        }
        return out;
    }

    private static boolean dirty(Map<String, Object> extensions) {
        for (String k : INTERNAL_EXTENSIONS) {
            if (extensions.containsKey(k)) {
                return true;
            }
        }
        return extensions.get("classification") instanceof String c && isInternal(c);
    }
}
