package io.newsgraph.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.parser.Parser;
import io.newsgraph.gateway.limits.GraphQLFailure;

/** The APQ protocol and the safelist, without HTTP: what each kind of request resolves to or is refused with. */
class PersistedQueriesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String Q = "{ topProducts(first: 1) { name } }";
    static final String HASH = PersistedQueryStore.sha256(Q);

    static Map<String, Object> ext(Object hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static GraphQLFailure refused(Runnable r) {
        return assertThrows(GraphQLFailure.class, r::run);
    }

    static PersistedQueries apq(PersistedQueryStore store) {
        return new PersistedQueries(store, true, null, false);
    }

    @Test
    void theHashIsTheSha256OfTheTextAsApolloClientComputesIt() {
        // sha256("{__typename}"), as Apollo Router's own tests use it
        assertEquals("ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38", PersistedQueryStore.sha256("{__typename}"));
    }

    @Test
    void aHashAloneIsNotFoundUntilTheTextIsRegisteredAndValid() {
        PersistedQueryStore store = new PersistedQueryStore(10, 1000);
        PersistedQueries pq = apq(store);
        GraphQLFailure miss = refused(() -> pq.resolve(null, ext(HASH)));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", miss.code());
        assertEquals("PersistedQueryNotFound", miss.getMessage());
        assertEquals(200, miss.status(), "Apollo Router answers a miss with 200");
        assertTrue(PersistedQueries.uncacheable(miss));

        PersistedQueries.Resolution sent = pq.resolve(Q, ext(HASH));
        assertEquals(Q, sent.query());
        assertNull(store.get(HASH), "kept only once the document proved valid");
        pq.admit(sent, Parser.parse(Q), false);
        assertEquals(Q, store.get(HASH));

        assertEquals(Q, pq.resolve(null, ext(HASH.toUpperCase())).query(), "hex digits in either case");
    }

    @Test
    void aTextThatDoesNotMatchItsHashIsRefusedAndNotKept() {
        PersistedQueryStore store = new PersistedQueryStore(10, 1000);
        GraphQLFailure f = refused(() -> apq(store).resolve("{ me { name } }", ext(HASH)));
        assertEquals(400, f.status());
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", f.code());
        assertEquals(0, store.size());
    }

    @Test
    void malformedExtensionsAreBadRequests() {
        PersistedQueries pq = apq(new PersistedQueryStore(10, 1000));
        assertEquals("BAD_REQUEST", refused(() -> pq.resolve(null, ext("abc"))).code());
        assertEquals("BAD_REQUEST", refused(() -> pq.resolve(null, Map.of("persistedQuery", "x"))).code());
        assertEquals("BAD_REQUEST", refused(() -> pq.resolve(Q, "x")).code());
        assertEquals("PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
                refused(() -> pq.resolve(null, Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", HASH)))).code());
        assertEquals(Q, pq.resolve(Q, Map.of("other", 1)).query(), "other extensions are no concern of APQ");
    }

    @Test
    void withApqOffAHashIsNotSupported() {
        PersistedQueries off = new PersistedQueries(new PersistedQueryStore(10, 1000), false, null, false);
        assertEquals("PERSISTED_QUERY_NOT_SUPPORTED", refused(() -> off.resolve(null, ext(HASH))).code());
        assertEquals(Q, off.resolve(Q, null).query());
    }

    @Test
    void theStoreIsBoundedInCountAndDocumentLength() {
        PersistedQueryStore store = new PersistedQueryStore(3, 40);
        assertFalse(store.put("long", "x".repeat(41)));
        assertNull(store.get("long"));
        for (int i = 0; i < 100; i++) {
            store.put("h" + i, "{ a" + i + " }");
        }
        assertTrue(store.size() <= 3, "size " + store.size());
    }

    static Safelist list() {
        return Safelist.load("classpath:persisted/manifest.json", JSON);
    }

    @Test
    void aSafelistRunsListedIdsAndRefusesOthersWithoutRegistering() {
        PersistedQueryStore store = new PersistedQueryStore(10, 1000);
        PersistedQueries pq = new PersistedQueries(store, true, list(), false);
        String listed = "query TopNames { topProducts(first: 2) { name } }";
        PersistedQueries.Resolution r = pq.resolve(null, ext(PersistedQueryStore.sha256(listed)));
        assertEquals(listed, r.query());
        assertTrue(r.fromList());

        GraphQLFailure unknown = refused(() -> pq.resolve(null, ext(HASH)));
        assertEquals(404, unknown.status());
        assertEquals("PERSISTED_QUERY_NOT_IN_LIST", unknown.code());

        PersistedQueries.Resolution sent = pq.resolve(Q, ext(HASH));
        GraphQLFailure notListed = refused(() -> pq.admit(sent, Parser.parse(Q), false));
        assertEquals(403, notListed.status());
        assertEquals("QUERY_NOT_IN_SAFELIST", notListed.code());
        assertEquals(0, store.size(), "nothing is registered in safelist mode");
        refused(() -> pq.resolve(null, ext(HASH)));
    }

    @Test
    void aSafelistAdmitsAListedBodySentInFullWhateverItsLayout() {
        PersistedQueries pq = new PersistedQueries(new PersistedQueryStore(10, 1000), true, list(), false);
        String relaid = "# the same operation\nquery TopNames {\n  topProducts(first: 2) {\n    name\n  }\n}\n";
        pq.admit(pq.resolve(relaid, null), Parser.parse(relaid), false);
        String other = "query TopNames { topProducts(first: 3) { name } }";
        assertEquals("QUERY_NOT_IN_SAFELIST", refused(() -> pq.admit(pq.resolve(other, null), Parser.parse(other), false)).code());
        // introspection passes where the gateway allows it, as in Apollo Router
        pq.admit(pq.resolve("{ __schema { queryType { name } } }", null), Parser.parse("{ __schema { queryType { name } } }"), true);
    }

    @Test
    void requireIdRefusesDocumentsSentInFull() {
        PersistedQueries pq = new PersistedQueries(new PersistedQueryStore(10, 1000), true, list(), true);
        assertEquals("PERSISTED_QUERY_ID_REQUIRED", refused(() -> pq.resolve(Q, null)).code());
        assertEquals("CANNOT_SEND_PQ_ID_AND_BODY", refused(() -> pq.resolve(Q, ext(HASH))).code());
    }

    @Test
    void aListOfHashesAdmitsThoseDocumentsSentInFull() {
        Safelist hashes = Safelist.parse("# operations of the app\n" + HASH + "\n\n", JSON);
        PersistedQueries pq = new PersistedQueries(new PersistedQueryStore(10, 1000), true, hashes, false);
        pq.admit(pq.resolve(Q, null), Parser.parse(Q), false);
        // by hash alone there is no text to run: the client is asked for it
        assertEquals("PERSISTED_QUERY_NOT_FOUND", refused(() -> pq.resolve(null, ext(HASH))).code());
        pq.admit(pq.resolve(Q, ext(HASH)), Parser.parse(Q), false);
    }

    @Test
    void aBadListIsRefusedWithItsReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Safelist.parse("not-a-hash\n", JSON)).getMessage().contains("line 1"));
        assertThrows(IllegalArgumentException.class, () -> Safelist.parse("{\"format\": \"other\", \"version\": 1}", JSON));
        assertThrows(IllegalArgumentException.class, () -> Safelist.parse(
                "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"a\", \"body\": \"{ x \"}]}", JSON));
    }

    @Test
    void onlyIntrospectionMeansEveryRootFieldThroughFragments() {
        assertTrue(PersistedQueries.onlyIntrospection(Parser.parse("{ __typename ...F } fragment F on Query { __schema { types { name } } }")));
        assertFalse(PersistedQueries.onlyIntrospection(Parser.parse("{ __typename ...F } fragment F on Query { me { name } }")));
    }
}
