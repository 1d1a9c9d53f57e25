package io.newsgraph.gateway.http;

/** A request rejected before execution: HTTP status, stable code ({@code extensions.code}) and message. */
public class GraphQLFailure extends RuntimeException {

    private final int status;
    private final String code;

    public GraphQLFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
