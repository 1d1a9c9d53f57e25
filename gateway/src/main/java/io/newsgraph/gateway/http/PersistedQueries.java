package io.newsgraph.gateway.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.newsgraph.gateway.limits.GraphQLFailure;

/**
 * Apollo's automatic persisted queries ({@code extensions.persistedQuery: {"version": 1, "sha256Hash"}}), as Apollo
 * Client's persisted-queries link, urql's persistedExchange and Relay's persisted queries send them, answered the
 * way Apollo Router answers; and the optional safelist mode, where only operations of a persisted query list run.
 *
 * <p>Pure protocol: it decides from the request, the store and the list, and never parses or executes. The request
 * then goes through the same parsing, limits, authorization and cost checks as any other.
 */
final class PersistedQueries {

    /** Apollo Router's header on answers a CDN must not keep: the next try of the same GET may succeed. */
    static final String DONT_CACHE = "private, no-cache, must-revalidate";

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final PersistedQueryStore store;
    private final Safelist safelist;
    private final boolean apq;
    private final boolean requireId;

    /**
     * @param store     where registered documents are kept (APQ)
     * @param apq       whether automatic persisted queries are accepted at all
     * @param safelist  the list of the safelist mode, or null when every valid operation may run
     * @param requireId in safelist mode, whether a document must be sent by its id only
     */
    PersistedQueries(PersistedQueryStore store, boolean apq, Safelist safelist, boolean requireId) {
        this.store = store;
        this.apq = apq;
        this.safelist = safelist;
        this.requireId = requireId;
    }

    /**
     * What the request asks to run. {@code hash} is set when the request named a persisted query; {@code fromList}
     * when the text came from the safelist (so it needs no further check); {@code register} when the text, sent
     * with its hash, is to be kept once it proves valid.
     */
    record Resolution(String query, String hash, boolean fromList, boolean register) {
    }

    /** Finds the document to run, or refuses with Apollo Router's code for the case. */
    Resolution resolve(String query, Object extensions) {
        Object pq = extensions instanceof Map<?, ?> ext ? ext.get("persistedQuery") : null;
        if (extensions != null && !(extensions instanceof Map)) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"extensions\" must be an object.");
        }
        if (pq == null) {
            if (safelist != null && requireId) {
                throw new GraphQLFailure(400, "PERSISTED_QUERY_ID_REQUIRED", "This endpoint does not allow freeform GraphQL requests; "
                        + "operations must be sent by ID in the persisted queries GraphQL extension.");
            }
            return new Resolution(query, null, false, false);
        }
        if (!apq && safelist == null) {
            throw new GraphQLFailure(200, "PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        }
        String hash = hashOf(pq);
        if (query != null) {
            if (!PersistedQueryStore.sha256(query).equals(hash)) {
                throw new GraphQLFailure(400, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query");
            }
            if (safelist != null && requireId) {
                throw new GraphQLFailure(400, "CANNOT_SEND_PQ_ID_AND_BODY",
                        "Sending a persisted query ID and a body in the same request is disallowed");
            }
            // In safelist mode nothing is registered: the list is the only source of documents.
            return new Resolution(query, hash, false, safelist == null);
        }
        if (safelist != null) {
            String listed = safelist.body(hash);
            if (listed != null) {
                return new Resolution(listed, hash, true, false);
            }
            if (!safelist.lists(hash)) {
                throw new GraphQLFailure(404, "PERSISTED_QUERY_NOT_IN_LIST",
                        "Persisted query '" + hash + "' not found in the persisted query list");
            }
            // Listed by hash only: the client is to send the text, which is then checked against the hash.
            throw notFound();
        }
        String stored = store.get(hash);
        if (stored == null) {
            throw notFound();
        }
        return new Resolution(stored, hash, false, false);
    }

    /**
     * Once the document parsed and validated: in safelist mode, refuses a document sent in full that is not on the
     * list (introspection-only documents pass where introspection is on, as in Apollo Router); otherwise keeps a
     * document sent with its hash.
     */
    void admit(Resolution r, Document document, boolean onlyIntrospection) {
        if (safelist != null) {
            if (!r.fromList() && !onlyIntrospection && !safelist.admits(r.hash() != null ? r.hash() : PersistedQueryStore.sha256(r.query()), document)) {
                throw new GraphQLFailure(403, "QUERY_NOT_IN_SAFELIST", "The operation body was not found in the persisted query safelist");
            }
            return;
        }
        if (r.register()) {
            store.put(r.hash(), r.query());
        }
    }

    /** Whether a refusal must carry {@link #DONT_CACHE} (it may succeed on the next try). */
    static boolean uncacheable(GraphQLFailure f) {
        return switch (f.code()) {
            case "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_IN_LIST", "QUERY_NOT_IN_SAFELIST", "CANNOT_SEND_PQ_ID_AND_BODY" -> true;
            default -> false;
        };
    }

    /**
     * Whether every root field of every operation is {@code __schema}, {@code __type} or {@code __typename}
     * (through fragments too): what a safelist lets through when introspection is on.
     */
    static boolean onlyIntrospection(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(f.getName(), f);
        }
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (!introspectionOnly(op.getSelectionSet(), fragments, new HashSet<>())) {
                return false;
            }
        }
        return true;
    }

    private static boolean introspectionOnly(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        for (Selection<?> s : set.getSelections()) {
            boolean ok = switch (s) {
                case Field f -> f.getName().equals("__schema") || f.getName().equals("__type") || f.getName().equals("__typename");
                case InlineFragment i -> introspectionOnly(i.getSelectionSet(), fragments, seen);
                case FragmentSpread spread -> {
                    FragmentDefinition f = fragments.get(spread.getName());
                    yield f != null && (!seen.add(f.getName()) || introspectionOnly(f.getSelectionSet(), fragments, seen));
                }
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static GraphQLFailure notFound() {
        return new GraphQLFailure(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
    }

    private static String hashOf(Object pq) {
        if (!(pq instanceof Map<?, ?> m)) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"extensions.persistedQuery\" must be an object.");
        }
        if (!(m.get("version") instanceof Number v) || v.intValue() != 1 || v.doubleValue() != 1) {
            throw new GraphQLFailure(400, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED", "Unsupported persisted query version; only version 1 is.");
        }
        if (!(m.get("sha256Hash") instanceof String h) || !HASH.matcher(h).matches()) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"extensions.persistedQuery.sha256Hash\" must be a SHA-256 hash (64 hex digits).");
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
