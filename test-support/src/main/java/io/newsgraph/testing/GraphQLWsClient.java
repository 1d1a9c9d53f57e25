package io.newsgraph.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of the graphql-ws protocol (subprotocol {@code graphql-transport-ws}) over {@code java.net.http}'s
 * WebSocket, for tests: it sends what the test says and queues every message and the close it receives, so a test
 * asserts on exactly what went over the wire (a server's keep-alive {@code ping} is answered and not queued).
 */
public final class GraphQLWsClient implements AutoCloseable {

    public static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What arrived: a message (as parsed JSON), or the close (code and reason; {@code message} null). */
    public record Received(Map<String, Object> message, int closeCode, String closeReason) {
        public boolean isClose() {
            return message == null;
        }

        public String type() {
            return message == null ? null : (String) message.get("type");
        }
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();

    private GraphQLWsClient(URI uri, Map<String, String> headers, String subprotocol) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocol != null) {
            b.subprotocols(subprotocol);
        }
        headers.forEach(b::header);
        this.socket = b.buildAsync(uri, new Listener()).join();
    }

    /** Opens a connection (the upgrade's extra headers, e.g. {@code Authorization}) with the graphql-transport-ws subprotocol. */
    public static GraphQLWsClient open(String wsUrl, Map<String, String> headers) {
        return new GraphQLWsClient(URI.create(wsUrl), headers, SUBPROTOCOL);
    }

    public static GraphQLWsClient open(String wsUrl) {
        return open(wsUrl, Map.of());
    }

    /** The ws:// address of an http:// one. */
    public static String wsUrl(String httpUrl) {
        return httpUrl.replaceFirst("^http", "ws");
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public void send(Map<String, Object> message) {
        try {
            sendRaw(JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code connection_init} with this payload (null: none). */
    public void init(Map<String, Object> payload) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "connection_init");
        if (payload != null) {
            m.put("payload", payload);
        }
        send(m);
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        if (variables != null) {
            payload.put("variables", variables);
        }
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message or close, failing the test after {@code timeout}. */
    public Received next(Duration timeout) {
        try {
            Received r = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("nothing received within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Whether nothing arrives within {@code quiet}. */
    public boolean silentFor(Duration quiet) {
        try {
            Received r = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (r != null) {
                throw new AssertionError("expected silence, got " + r);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    Map<String, Object> m = JSON.readValue(partial.toString(), Map.class);
                    if ("ping".equals(m.get("type"))) {
                        // Keep-alive, answered as the protocol asks; not something a test waits for.
                        ws.sendText("{\"type\":\"pong\"}", true);
                    } else {
                        inbox.add(new Received(m, 0, null));
                    }
                } catch (IOException e) {
                    inbox.add(new Received(Map.of("type", "<not JSON>", "text", partial.toString()), 0, null));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            inbox.add(new Received(null, statusCode, reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            inbox.add(new Received(null, -1, String.valueOf(error.getMessage())));
        }
    }
}
