package io.newsgraph.gateway.subscriptions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.newsgraph.gateway.limits.GraphQLFailure;

/**
 * One client connection's side of the graphql-ws protocol, apart from any socket: it reads the client's messages,
 * keeps the connection's state (initialised, acknowledged, the running operations by id) and answers through a
 * {@link Peer}. What a {@code connection_init} admits and what a {@code subscribe} runs is the {@link Operations}' job.
 *
 * <p>Messages and state changes may come from the socket and from running operations at the same time, so every entry
 * point holds the connection's lock.
 */
public final class GraphQLWsConnection {

    /** The client's socket. */
    public interface Peer {
        void send(Map<String, Object> message);

        void close(int code, String reason);
    }

    /** Delayed tasks (the connection_init timeout); returns what cancels the task. */
    public interface Scheduler {
        Runnable schedule(Duration delay, Runnable task);
    }

    /** What the gateway does for a connection. */
    public interface Operations {
        /**
         * Admits the connection for {@code connection_init}'s payload (may be null); completes to acknowledge it, or
         * fails with a {@link Refusal} (the connection closes with its code).
         */
        CompletionStage<Void> init(Map<String, Object> payload);

        /** Starts the operation {@code payload} describes; throws {@link GraphQLFailure} to refuse it. */
        Running start(String id, Map<String, Object> payload, Events events);

        /** The connection is gone: whatever {@link #init} took (a connection slot) is given back. */
        void closed();
    }

    /** What a running operation reports, in order; {@code error} and {@code complete} end it. */
    public interface Events {
        void next(Map<String, Object> result);

        void error(List<Map<String, Object>> errors);

        void complete();
    }

    public interface Running {
        /** The client completed it, or the connection closed: stop, report nothing more. */
        void cancel();
    }

    /** A connection refused: closed with {@code code} and {@code reason} (at most 123 bytes, as WebSocket allows). */
    public static final class Refusal extends RuntimeException {
        private final int code;

        public Refusal(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private enum State { OPEN, INITIALISING, ACKNOWLEDGED, CLOSED }

    private final Peer peer;
    private final Operations operations;
    private final int maxSubscriptions;
    private final int maxMessageChars;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private State state = State.OPEN;
    private Runnable initTimer;

    public GraphQLWsConnection(Peer peer, Operations operations, Scheduler scheduler, Duration initTimeout,
            int maxSubscriptions, int maxMessageChars) {
        this.peer = peer;
        this.operations = operations;
        this.maxSubscriptions = maxSubscriptions;
        this.maxMessageChars = maxMessageChars;
        this.initTimer = scheduler.schedule(initTimeout, this::initTimedOut);
    }

    private synchronized void initTimedOut() {
        if (state == State.OPEN || state == State.INITIALISING) {
            close(GraphQLWs.CONNECTION_INIT_TIMEOUT, "Connection initialisation timeout");
        }
    }

    /** A text message from the client. */
    public synchronized void onText(String text, Json json) {
        if (state == State.CLOSED) {
            return;
        }
        if (text.length() > maxMessageChars) {
            close(GraphQLWs.MESSAGE_TOO_BIG, "Message too big");
            return;
        }
        Map<String, Object> message = json.object(text);
        if (message == null || !(message.get("type") instanceof String type)) {
            close(GraphQLWs.BAD_REQUEST, "Invalid message received");
            return;
        }
        switch (type) {
            case GraphQLWs.CONNECTION_INIT -> init(message);
            case GraphQLWs.PING -> peer.send(message.get("payload") instanceof Map<?, ?> p
                    ? Map.of("type", GraphQLWs.PONG, "payload", p) : Map.of("type", GraphQLWs.PONG));
            case GraphQLWs.PONG -> { }
            case GraphQLWs.SUBSCRIBE -> subscribe(message);
            case GraphQLWs.COMPLETE -> complete(message);
            default -> close(GraphQLWs.BAD_REQUEST, "Invalid message received: unexpected type " + shorten(type));
        }
    }

    /** A binary message: the protocol has none. */
    public synchronized void onBinary() {
        close(GraphQLWs.BAD_REQUEST, "Invalid message received: binary");
    }

    /** The socket closed (either side): every running operation stops. */
    public synchronized void onClosed() {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            release();
        }
    }

    @SuppressWarnings("unchecked")
    private void init(Map<String, Object> message) {
        if (state != State.OPEN) {
            close(GraphQLWs.TOO_MANY_REQUESTS, "Too many initialisation requests");
            return;
        }
        Object payload = message.get("payload");
        if (payload != null && !(payload instanceof Map)) {
            close(GraphQLWs.BAD_REQUEST, "Invalid message received: connection_init payload must be an object");
            return;
        }
        state = State.INITIALISING;
        CompletionStage<Void> admitted;
        try {
            admitted = operations.init((Map<String, Object>) payload);
        } catch (Refusal r) {
            close(r.code(), r.getMessage());
            return;
        }
        admitted.whenComplete((ok, failure) -> admitted(failure));
    }

    private synchronized void admitted(Throwable failure) {
        if (state != State.INITIALISING) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null && !(failure instanceof Refusal) ? failure.getCause() : failure;
            if (cause instanceof Refusal r) {
                close(r.code(), r.getMessage());
            } else {
                close(GraphQLWs.INTERNAL_ERROR, "Internal error");
            }
            return;
        }
        cancelTimer();
        state = State.ACKNOWLEDGED;
        peer.send(Map.of("type", GraphQLWs.CONNECTION_ACK));
    }

    @SuppressWarnings("unchecked")
    private void subscribe(Map<String, Object> message) {
        if (state != State.ACKNOWLEDGED) {
            close(GraphQLWs.UNAUTHORIZED, "Unauthorized");
            return;
        }
        if (!(message.get("id") instanceof String id) || id.isEmpty() || !(message.get("payload") instanceof Map<?, ?> payload)) {
            close(GraphQLWs.BAD_REQUEST, "Invalid message received: subscribe needs an id and a payload");
            return;
        }
        if (running.containsKey(id)) {
            close(GraphQLWs.SUBSCRIBER_ALREADY_EXISTS, "Subscriber for " + shorten(id) + " already exists");
            return;
        }
        if (running.size() >= maxSubscriptions) {
            peer.send(error(id, List.of(GraphQLFailure.error("TOO_MANY_SUBSCRIPTIONS", "This connection runs " + maxSubscriptions
                    + " subscriptions already, the limit (max-subscriptions-per-connection); complete one first."))));
            return;
        }
        Operation op = new Operation(id);
        running.put(id, op);
        try {
            op.running = operations.start(id, (Map<String, Object>) payload, op);
        } catch (GraphQLFailure f) {
            op.error(List.of(f.toError()));
        }
    }

    private void complete(Map<String, Object> message) {
        if (!(message.get("id") instanceof String id)) {
            close(GraphQLWs.BAD_REQUEST, "Invalid message received: complete needs an id");
            return;
        }
        Running r = running.remove(id);
        if (r instanceof Operation op && op.running != null) {
            op.running.cancel();
        }
    }

    /** The events of one operation, forwarded while it is still the one running under its id. */
    private final class Operation implements Events, Running {
        final String id;
        Running running;

        Operation(String id) {
            this.id = id;
        }

        @Override
        public void next(Map<String, Object> result) {
            synchronized (GraphQLWsConnection.this) {
                if (current()) {
                    peer.send(Map.of("id", id, "type", GraphQLWs.NEXT, "payload", result));
                }
            }
        }

        @Override
        public void error(List<Map<String, Object>> errors) {
            synchronized (GraphQLWsConnection.this) {
                if (current()) {
                    GraphQLWsConnection.this.running.remove(id);
                    peer.send(GraphQLWsConnection.error(id, errors));
                }
            }
        }

        @Override
        public void complete() {
            synchronized (GraphQLWsConnection.this) {
                if (current()) {
                    GraphQLWsConnection.this.running.remove(id);
                    peer.send(Map.of("id", id, "type", GraphQLWs.COMPLETE));
                }
            }
        }

        @Override
        public void cancel() {
            if (running != null) {
                running.cancel();
            }
        }

        private boolean current() {
            return state == State.ACKNOWLEDGED && GraphQLWsConnection.this.running.get(id) == this;
        }
    }

    /** Operations running now (for tests and metrics). */
    public synchronized int runningCount() {
        return running.size();
    }

    private static Map<String, Object> error(String id, List<Map<String, Object>> errors) {
        return Map.of("id", id, "type", GraphQLWs.ERROR, "payload", errors);
    }

    private void close(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        release();
        peer.close(code, reason);
    }

    private void release() {
        cancelTimer();
        for (Running r : running.values()) {
            r.cancel();
        }
        running.clear();
        operations.closed();
    }

    private void cancelTimer() {
        if (initTimer != null) {
            initTimer.run();
            initTimer = null;
        }
    }

    /** Client text echoed in a close reason stays short: a reason has at most 123 bytes. */
    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Parses a client message: a JSON object, else null. */
    public interface Json {
        Map<String, Object> object(String text);
    }
}
