package io.newsgraph.gateway.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.executor.SubgraphResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One subscription at a subgraph: a WebSocket of its own to the subgraph's GraphQL endpoint, speaking the same
 * graphql-transport-ws protocol as clients do (what SmallRye GraphQL, Apollo Router and Hive Gateway serve), carrying
 * the client's token and trace headers on the upgrade. Each event is handed on as the subscription fetch's answer.
 */
public final class SubgraphSubscription implements GraphQLWsConnection.Running {

    private static final Logger LOG = Logger.getLogger(SubgraphSubscription.class);

    /** What the subgraph reports. */
    public interface Listener {
        void event(SubgraphResponse event);

        /** The subgraph ended the subscription with errors of its own. */
        void error(List<Map<String, Object>> errors);

        void complete();

        /** The subgraph could not be reached, refused the connection, or went away. */
        void failed(String why);
    }

    private final ObjectMapper json;
    private final Listener listener;
    private volatile WebSocket socket;
    private volatile boolean done;

    private SubgraphSubscription(ObjectMapper json, Listener listener) {
        this.json = json;
        this.listener = listener;
    }

    public static SubgraphSubscription open(Vertx vertx, WebSocketClient client, ObjectMapper json, String httpUrl,
            Map<String, String> headers, String operation, Map<String, Object> variables, Duration timeout, Listener listener) {
        SubgraphSubscription s = new SubgraphSubscription(json, listener);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(httpUrl.replaceFirst("^http", "ws"))
                .addSubProtocol(GraphQLWs.SUBPROTOCOL).setTimeout(timeout.toMillis());
        headers.forEach(options::addHeader);
        long timer = vertx.setTimer(timeout.toMillis(), id -> s.fail("no connection_ack within " + timeout.toMillis() + " ms"));
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                vertx.cancelTimer(timer);
                if (ar.cause() instanceof UpgradeRejectedException rejected && (rejected.getStatus() == 401 || rejected.getStatus() == 403)) {
                    s.refused(rejected);
                } else {
                    s.fail(ar.cause().getMessage());
                }
                return;
            }
            WebSocket ws = ar.result();
            s.socket = ws;
            if (s.done) {
                ws.close();
                return;
            }
            ws.textMessageHandler(text -> s.received(vertx, timer, text, operation, variables));
            ws.closeHandler(v -> s.fail("closed " + ws.closeStatusCode() + " " + ws.closeReason()));
            ws.exceptionHandler(t -> s.fail(t.getMessage()));
            s.write(Map.of("type", GraphQLWs.CONNECTION_INIT, "payload", Map.of()));
        });
        return s;
    }

    @SuppressWarnings("unchecked")
    private void received(Vertx vertx, long timer, String text, String operation, Map<String, Object> variables) {
        if (done) {
            return;
        }
        Map<String, Object> m;
        try {
            m = json.readValue(text, Map.class);
        } catch (Exception e) {
            fail("a message that is not JSON");
            return;
        }
        String type = m.get("type") instanceof String t ? t : "";
        switch (type) {
            case GraphQLWs.CONNECTION_ACK -> {
                vertx.cancelTimer(timer);
                write(Map.of("id", "1", "type", GraphQLWs.SUBSCRIBE, "payload", Map.of("query", operation, "variables", variables)));
            }
            case GraphQLWs.PING -> write(Map.of("type", GraphQLWs.PONG));
            case GraphQLWs.NEXT -> {
                Map<String, Object> payload = m.get("payload") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
                Object errors = payload.get("errors");
                listener.event(new SubgraphResponse(payload.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : null,
                        errors instanceof List<?> l ? (List<Map<String, Object>>) l : List.of()));
            }
            case GraphQLWs.ERROR -> {
                done = true;
                close();
                listener.error(m.get("payload") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of());
            }
            case GraphQLWs.COMPLETE -> {
                done = true;
                close();
                listener.complete();
            }
            default -> { }
        }
    }

    /**
     * The subgraph's own read rule refused the caller on the upgrade (a subscription is a read there too): its
     * answer's errors, with their codes, are the subscription's end, as a refused query's errors are its answer.
     */
    @SuppressWarnings("unchecked")
    private void refused(UpgradeRejectedException rejected) {
        if (done) {
            return;
        }
        done = true;
        List<Map<String, Object>> errors = List.of();
        try {
            if (rejected.getBody() != null && json.readValue(rejected.getBody().getBytes(), Map.class).get("errors") instanceof List<?> l) {
                errors = (List<Map<String, Object>>) l;
            }
        } catch (Exception notJson) {
            // answered below by the status alone
        }
        if (errors.isEmpty()) {
            String code = rejected.getStatus() == 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
            errors = List.of(Map.of("message", "the subgraph refused the subscription", "extensions", Map.of("code", code)));
        }
        listener.error(errors);
    }

    private void write(Map<String, Object> message) {
        try {
            socket.writeTextMessage(json.writeValueAsString(message));
        } catch (Exception e) {
            fail(e.getMessage());
        }
    }

    private void fail(String why) {
        if (done) {
            return;
        }
        done = true;
        LOG.debugf("subgraph subscription failed: %s", why);
        close();
        listener.failed(why);
    }

    /** The client is gone or completed: tell the subgraph and close. Nothing is reported any more. */
    @Override
    public void cancel() {
        boolean wasDone = done;
        done = true;
        WebSocket ws = socket;
        if (ws != null && !ws.isClosed()) {
            if (!wasDone) {
                ws.writeTextMessage("{\"id\":\"1\",\"type\":\"complete\"}");
            }
            ws.close();
        }
    }

    private void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isClosed()) {
            ws.close();
        }
    }
}
