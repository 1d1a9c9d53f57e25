package io.newsgraph.gateway.subscriptions;

/**
 * The graphql-ws protocol (subprotocol {@code graphql-transport-ws}, as the {@code graphql-ws} library, Apollo Router
 * and Hive Gateway speak it): its message types and the close codes its specification assigns.
 */
public final class GraphQLWs {

    public static final String SUBPROTOCOL = "graphql-transport-ws";

    public static final String CONNECTION_INIT = "connection_init";
    public static final String CONNECTION_ACK = "connection_ack";
    public static final String PING = "ping";
    public static final String PONG = "pong";
    public static final String SUBSCRIBE = "subscribe";
    public static final String NEXT = "next";
    public static final String ERROR = "error";
    public static final String COMPLETE = "complete";

    /** A message that is not valid in the protocol (or not JSON). */
    public static final int BAD_REQUEST = 4400;
    /** {@code subscribe} before the connection was acknowledged. */
    public static final int UNAUTHORIZED = 4401;
    /** The server refuses the connection: its {@code connection_init} did not authenticate or authorise the caller. */
    public static final int FORBIDDEN = 4403;
    /** No {@code connection_init} within the allowed time. */
    public static final int CONNECTION_INIT_TIMEOUT = 4408;
    /** A {@code subscribe} with an id that is already running. */
    public static final int SUBSCRIBER_ALREADY_EXISTS = 4409;
    /** A second {@code connection_init}; here also a client over its connection limit. */
    public static final int TOO_MANY_REQUESTS = 4429;
    /** The server failed. */
    public static final int INTERNAL_ERROR = 4500;
    /** Standard WebSocket code: a message over the size limit. */
    public static final int MESSAGE_TOO_BIG = 1009;

    private GraphQLWs() {
    }
}
