package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Db;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel deliveries over real HTTP: one article delivered many times, and many articles sharing entities. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrentDeliveryTest {

    private static final int PARALLEL = 8;

    @Inject
    Db db;

    @BeforeEach
    void script() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Orrin Waterworks");
        ScriptedPipeline.define(EntityType.PERSON, "Sabine Quellmar");
    }

    private static List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDeliveriesOfOneVersionGiveOneResult() throws Exception {
        String id = "conc-" + UUID.randomUUID();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(() -> Api.put(id, 1, null, "Sabine Quellmar runs Orrin Waterworks."));
        }
        List<Response> responses = inParallel(calls);

        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        long applied = responses.stream().filter(r -> "APPLIED".equals(r.jsonPath().getString("outcome"))).count();
        assertEquals(1, applied, "exactly one delivery stores the article");
        assertEquals(2, db.mentions(id));
        assertEquals(2, db.number("SELECT count(*) FROM article_entity WHERE article_id = ?", id));
        assertEquals(1, db.number("SELECT count(*) FROM entity WHERE name = 'Sabine Quellmar'"));
    }

    @Test
    void concurrentVersionsEndAtTheNewest() throws Exception {
        String id = "conc-" + UUID.randomUUID();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int v = 1; v <= PARALLEL; v++) {
            long version = v;
            String body = "Orrin Waterworks ".repeat(v).trim() + ".";
            calls.add(() -> Api.put(id, version, null, body));
        }
        inParallel(calls).forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(PARALLEL, db.version(id));
        assertEquals(PARALLEL, db.mentions(id), "the stored mentions are those of the newest version");
    }

    @Test
    void parallelArticlesSharingEntitiesCreateEachEntityOnceAndCountEveryPair() throws Exception {
        String prefix = "conc-shared-" + UUID.randomUUID();
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Velden Grain Board");
        ScriptedPipeline.define(EntityType.LOCATION, "Port Esker");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String id = prefix + "-" + i;
            calls.add(() -> Api.put(id, 1, null, "The Velden Grain Board met at Port Esker."));
        }
        inParallel(calls).forEach(r -> assertEquals(200, r.statusCode(), r.asString()));

        assertEquals(1, db.number("SELECT count(*) FROM entity WHERE name = 'Velden Grain Board'"));
        assertEquals(PARALLEL, db.number("SELECT article_count FROM entity WHERE name = 'Velden Grain Board'"));
        assertEquals(PARALLEL, db.number("""
                SELECT c.article_count FROM co_occurrence c
                JOIN entity a ON a.id = c.entity_id JOIN entity b ON b.id = c.other_id
                WHERE a.name = 'Velden Grain Board' AND b.name = 'Port Esker'"""));
    }
}
