package io.newsgraph.articles.outbox;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With tracing on, the relay's delivery continues the trace of the ingest that wrote the event: the trace context is
 * stored with the outbox row, the delivery is a span in that trace, and entities-service receives its traceparent.
 */
@QuarkusTest
@TestProfile(DeliveryTracingTest.TracingOn.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(ReceiverResource.class)
class DeliveryTracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the scheduled relay is off: the test delivers when it has looked at the row
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms",
                    "newsgraph.articles.relay.enabled", "false");
        }
    }

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    AgroalDataSource ds;

    @Inject
    OutboxRelay relay;

    @Inject
    InMemorySpanExporter exporter;

    private final FakeReceiver receiver = FakeReceiver.INSTANCE;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
        receiver.stop();
        receiver.start();
        receiver.reset();
        exporter.reset();
    }

    private List<SpanData> spans(String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<SpanData> found = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span " + name + " in " + exporter.getFinishedSpanItems());
    }

    @Test
    void theDeliveryContinuesTheIngestsTrace() throws Exception {
        String secret = "A body that must not appear in a span.";
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .body(Map.of("externalId", "traced", "title", "Traced", "body", secret, "publishedAt", "2024-10-09T08:00:00Z"))
                .post("/articles").then().statusCode(201);
        SpanData ingest = spans("POST /articles").getFirst();
        assertEquals(TRACE, ingest.getTraceId());
        assertEquals(SpanKind.SERVER, ingest.getKind());
        String stored = TestDb.string(ds, "SELECT traceparent FROM outbox_event");
        assertEquals("00-" + TRACE + "-" + ingest.getSpanId() + "-01", stored, "the row keeps the ingest's context");

        assertEquals(1, relay.drainNow());
        SpanData delivery = spans("outbox delivery").getFirst();
        assertEquals(TRACE, delivery.getTraceId());
        assertEquals(ingest.getSpanId(), delivery.getParentSpanId());
        assertEquals(SpanKind.CLIENT, delivery.getKind());
        assertEquals("ArticleChanged", delivery.getAttributes().get(AttributeKey.stringKey("newsgraph.outbox.event")));
        assertEquals(List.of("00-" + TRACE + "-" + delivery.getSpanId() + "-01"), receiver.traceparents(),
                "entities-service receives the delivery's context");
        for (SpanData s : exporter.getFinishedSpanItems()) {
            s.getAttributes().forEach((k, v) -> {
                assertFalse(String.valueOf(v).contains("must not appear"), "article text in " + s.getName() + " " + k);
                assertFalse(String.valueOf(v).contains("Bearer"), "a token in " + s.getName() + " " + k);
            });
        }
    }
}
