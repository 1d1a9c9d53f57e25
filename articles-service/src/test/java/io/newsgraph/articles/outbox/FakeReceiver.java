package io.newsgraph.articles.outbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server playing entities-service: records every request and answers with a settable status. It can be
 * stopped (connections refused) and started again on the same port.
 */
public final class FakeReceiver {

    public record Request(String method, String path, String authorization, String body) {
    }

    public static final FakeReceiver INSTANCE = new FakeReceiver();

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> traceparents = new ConcurrentLinkedQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private HttpServer server;
    private int port;

    private FakeReceiver() {
    }

    public synchronized int start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = status.get();
            if (delayMillis.get() > 0) {
                try {
                    Thread.sleep(delayMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer >= 200 && answer < 300) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                traceparents.add(traceparent == null ? "" : traceparent);
            }
            byte[] out = answer == 422 ? "{\"code\":\"TEXT_TOO_LONG\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(answer, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
        return port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    /** Requests answered with 2xx, in arrival order. */
    public List<Request> acknowledged() {
        return List.copyOf(requests);
    }

    /** The {@code traceparent} of each acknowledged request ("" where there was none), in arrival order. */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    public void reset() {
        requests.clear();
        traceparents.clear();
        status.set(200);
        delayMillis.set(0);
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    public void delay(int millis) {
        delayMillis.set(millis);
    }
}
