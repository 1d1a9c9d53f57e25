package io.newsgraph.gateway.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request rejected before execution: HTTP status, stable code ({@code extensions.code}), message, and any further
 * {@code extensions} entries a client can act on (the estimate and the limit of a refused cost, for example).
 */
public class GraphQLFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    public GraphQLFailure(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public GraphQLFailure(int status, String code, String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extensions = extensions;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Entries of {@code extensions} besides {@code code}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The failure as one GraphQL error: {@code message} and {@code extensions} with the code first. */
    public Map<String, Object> toError() {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code);
        ext.putAll(extensions);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("extensions", ext);
        return error;
    }

    /** A GraphQL error with a message and a code, for answers that have no HTTP status of their own. */
    public static Map<String, Object> error(String code, String message) {
        return new GraphQLFailure(400, code, message).toError();
    }
}
