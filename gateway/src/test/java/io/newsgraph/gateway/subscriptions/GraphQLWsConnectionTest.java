package io.newsgraph.gateway.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.limits.GraphQLFailure;

/** The graphql-transport-ws protocol of one connection, against a recording socket and scripted operations. */
class GraphQLWsConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The socket: what was sent, and the close. */
    static final class Socket implements GraphQLWsConnection.Peer {
        final List<Map<String, Object>> sent = new ArrayList<>();
        Integer closeCode;
        String closeReason;

        @Override
        public void send(Map<String, Object> message) {
            sent.add(message);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }

        Map<String, Object> last() {
            return sent.get(sent.size() - 1);
        }
    }

    /** Operations that admit (or refuse) and hand each started operation's events to the test. */
    static final class Script implements GraphQLWsConnection.Operations {
        CompletableFuture<Void> admission = CompletableFuture.completedFuture(null);
        Map<String, Object> initPayload;
        final Map<String, GraphQLWsConnection.Events> started = new java.util.LinkedHashMap<>();
        final List<String> cancelled = new ArrayList<>();
        GraphQLFailure refuseNext;
        int closed;

        @Override
        public CompletionStage<Void> init(Map<String, Object> payload) {
            initPayload = payload;
            return admission;
        }

        @Override
        public GraphQLWsConnection.Running start(String id, Map<String, Object> payload, GraphQLWsConnection.Events events) {
            if (refuseNext != null) {
                GraphQLFailure f = refuseNext;
                refuseNext = null;
                throw f;
            }
            started.put(id, events);
            return () -> cancelled.add(id);
        }

        @Override
        public void closed() {
            closed++;
        }
    }

    /** A clock the test turns. */
    static final class Timers implements GraphQLWsConnection.Scheduler {
        Runnable task;
        Duration delay;
        boolean cancelled;

        @Override
        public Runnable schedule(Duration delay, Runnable task) {
            this.delay = delay;
            this.task = task;
            return () -> cancelled = true;
        }
    }

    final Socket socket = new Socket();
    final Script ops = new Script();
    final Timers timers = new Timers();
    final GraphQLWsConnection connection = new GraphQLWsConnection(socket, ops, timers, Duration.ofSeconds(3), 2, 1000);

    void receive(String text) {
        connection.onText(text, t -> {
            try {
                Object v = JSON.readValue(t, Object.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> m = v instanceof Map ? (Map<String, Object>) v : null;
                return m;
            } catch (Exception e) {
                return null;
            }
        });
    }

    void acknowledged() {
        receive("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer t\"}}");
        assertEquals(Map.of("type", "connection_ack"), socket.last());
    }

    void subscribe(String id) {
        receive("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { x }\"}}");
    }

    @Test
    void initIsAcknowledgedWithItsPayloadHandedOnAndTheTimerStopped() {
        acknowledged();
        assertEquals(Map.of("Authorization", "Bearer t"), ops.initPayload);
        assertTrue(timers.cancelled);
        assertNull(socket.closeCode);
    }

    @Test
    void noInitInTimeCloses4408() {
        assertEquals(Duration.ofSeconds(3), timers.delay);
        timers.task.run();
        assertEquals(4408, socket.closeCode);
        assertEquals(1, ops.closed);
    }

    @Test
    void theTimerFiringAfterTheAckDoesNothing() {
        acknowledged();
        timers.task.run();
        assertNull(socket.closeCode);
    }

    @Test
    void aSecondInitCloses4429() {
        acknowledged();
        receive("{\"type\":\"connection_init\"}");
        assertEquals(4429, socket.closeCode);
        assertEquals("Too many initialisation requests", socket.closeReason);
    }

    @Test
    void aRefusedInitClosesWithTheRefusalsCode() {
        ops.admission = CompletableFuture.failedFuture(new GraphQLWsConnection.Refusal(4403, "Forbidden: UNAUTHENTICATED"));
        receive("{\"type\":\"connection_init\"}");
        assertEquals(4403, socket.closeCode);
        assertEquals("Forbidden: UNAUTHENTICATED", socket.closeReason);
        assertTrue(socket.sent.isEmpty(), "no ack");
    }

    @Test
    void anInitAdmittedLaterIsAcknowledgedThen() {
        ops.admission = new CompletableFuture<>();
        receive("{\"type\":\"connection_init\"}");
        assertTrue(socket.sent.isEmpty());
        ops.admission.complete(null);
        assertEquals(Map.of("type", "connection_ack"), socket.last());
    }

    @Test
    void subscribeBeforeTheAckCloses4401() {
        subscribe("1");
        assertEquals(4401, socket.closeCode);
        assertTrue(ops.started.isEmpty());
    }

    @Test
    void pingIsAnsweredWithPongAtAnyTimeWithItsPayload() {
        receive("{\"type\":\"ping\"}");
        assertEquals(Map.of("type", "pong"), socket.last());
        receive("{\"type\":\"ping\",\"payload\":{\"n\":1}}");
        assertEquals(Map.of("type", "pong", "payload", Map.of("n", 1)), socket.last());
        receive("{\"type\":\"pong\"}");
        assertEquals(2, socket.sent.size(), "a pong is not answered");
        assertNull(socket.closeCode);
    }

    @Test
    void invalidMessagesClose4400() {
        for (String bad : List.of("not json", "[]", "{}", "{\"type\":1}", "{\"type\":\"next\",\"id\":\"1\"}", "{\"type\":\"connection_ack\"}",
                "{\"type\":\"connection_init\",\"payload\":\"x\"}")) {
            Socket s = new Socket();
            GraphQLWsConnection c = new GraphQLWsConnection(s, new Script(), new Timers(), Duration.ofSeconds(3), 2, 1000);
            c.onText(bad, t -> {
                try {
                    Object v = JSON.readValue(t, Object.class);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = v instanceof Map ? (Map<String, Object>) v : null;
                    return m;
                } catch (Exception e) {
                    return null;
                }
            });
            assertEquals(4400, s.closeCode, bad);
        }
    }

    @Test
    void subscribeWithoutIdOrPayloadCloses4400() {
        acknowledged();
        receive("{\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { x }\"}}");
        assertEquals(4400, socket.closeCode);
    }

    @Test
    void eventsAreSentAsNextThenCompleteUnderTheirId() {
        acknowledged();
        subscribe("a");
        GraphQLWsConnection.Events events = ops.started.get("a");
        events.next(Map.of("data", Map.of("x", 1)));
        assertEquals(Map.of("id", "a", "type", "next", "payload", Map.of("data", Map.of("x", 1))), socket.last());
        events.complete();
        assertEquals(Map.of("id", "a", "type", "complete"), socket.last());
        assertEquals(0, connection.runningCount());
        events.next(Map.of("data", Map.of("x", 2)));
        assertEquals(Map.of("id", "a", "type", "complete"), socket.last(), "nothing after complete");
    }

    @Test
    void anIdInUseCloses4409AndIsFreeAgainOnceCompleted() {
        acknowledged();
        subscribe("a");
        ops.started.get("a").complete();
        subscribe("a");
        assertNull(socket.closeCode, "a finished id may be used again");
        subscribe("a");
        assertEquals(4409, socket.closeCode);
        assertEquals("Subscriber for a already exists", socket.closeReason);
        assertTrue(ops.cancelled.contains("a"), "closing stops what ran");
    }

    @Test
    void subscriptionsOverTheLimitAreRefusedWithAnErrorAndTheConnectionStays() {
        acknowledged();
        subscribe("1");
        subscribe("2");
        subscribe("3");
        Map<String, Object> error = socket.last();
        assertEquals("error", error.get("type"));
        assertEquals("3", error.get("id"));
        assertTrue(String.valueOf(error.get("payload")).contains("TOO_MANY_SUBSCRIPTIONS"), String.valueOf(error));
        assertNull(socket.closeCode);
        assertEquals(2, ops.started.size());
        receive("{\"id\":\"1\",\"type\":\"complete\"}");
        assertEquals(List.of("1"), ops.cancelled);
        subscribe("3");
        assertEquals(3, ops.started.size(), "room again once one completed");
    }

    @Test
    void aRefusedOperationIsAnErrorWithItsCode() {
        acknowledged();
        ops.refuseNext = new GraphQLFailure(400, "GRAPHQL_VALIDATION_FAILED", "no such field");
        subscribe("v");
        assertEquals(Map.of("id", "v", "type", "error", "payload", List.of(Map.of("message", "no such field",
                "extensions", Map.of("code", "GRAPHQL_VALIDATION_FAILED")))), socket.last());
        assertEquals(0, connection.runningCount());
    }

    @Test
    void aClientCompleteCancelsAndNothingFollows() {
        acknowledged();
        subscribe("c");
        receive("{\"id\":\"c\",\"type\":\"complete\"}");
        assertEquals(List.of("c"), ops.cancelled);
        int sent = socket.sent.size();
        ops.started.get("c").next(Map.of("data", Map.of()));
        assertEquals(sent, socket.sent.size());
    }

    @Test
    void closingCancelsEverythingAndGivesTheSlotBack() {
        acknowledged();
        subscribe("1");
        subscribe("2");
        connection.onClosed();
        assertEquals(List.of("1", "2"), ops.cancelled);
        assertEquals(1, ops.closed);
        connection.onClosed();
        assertEquals(1, ops.closed, "once");
    }

    @Test
    void aMessageOverTheLimitCloses1009() {
        receive("{\"type\":\"ping\",\"payload\":{\"x\":\"" + "a".repeat(1000) + "\"}}");
        assertEquals(1009, socket.closeCode);
    }

    @Test
    void binaryMessagesClose4400() {
        connection.onBinary();
        assertEquals(4400, socket.closeCode);
    }
}
