package io.newsgraph.gateway.executor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsgraph.gateway.planner.FetchNode;
import io.newsgraph.gateway.planner.PathElement;
import io.newsgraph.gateway.planner.PlanNode;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.SelectionTree;

/**
 * Runs a query plan: sends each fetch to its subgraph (entity fetches batch every object found at their path into
 * one {@code _entities} request, identical representations sent once), merges the answers into one result tree
 * and maps subgraph errors to client paths. Everything happens in callbacks; nothing blocks.
 */
public final class PlanExecutor {

    private final SubgraphTransport transport;
    /** Where query fetches go: the transport itself, or identical calls in flight shared (never mutations). */
    private final SubgraphTransport queries;
    private final ObjectMapper json;
    private final FetchObserver observer;
    private final FetchTracer tracer;

    public PlanExecutor(SubgraphTransport transport, ObjectMapper json, FetchObserver observer) {
        this(transport, json, observer, false);
    }

    public PlanExecutor(SubgraphTransport transport, ObjectMapper json, FetchObserver observer, boolean deduplicate) {
        this(transport, json, observer, deduplicate, FetchTracer.NONE);
    }

    public PlanExecutor(SubgraphTransport transport, ObjectMapper json, FetchObserver observer, boolean deduplicate, FetchTracer tracer) {
        this.transport = transport;
        this.queries = deduplicate ? new InflightDeduplication(transport) : transport;
        this.json = json;
        this.observer = observer;
        this.tracer = tracer;
    }

    public CompletionStage<ExecutionResult> execute(QueryPlan plan, Map<String, Object> variables, Map<String, String> headers) {
        return execute(plan, variables, headers, null);
    }

    /**
     * Runs a subscription's plan for one event: {@code event}, the subgraph's answer to the subscription fetch, is
     * merged as that fetch's answer, and the plan's other fetches (entity fetches below it) run as for a query.
     */
    public CompletionStage<ExecutionResult> execute(QueryPlan plan, Map<String, Object> variables, Map<String, String> headers,
            SubgraphResponse event) {
        Run run = new Run(variables == null ? Map.of() : variables, headers,
                plan.operation() == null ? null : plan.operation().getName(), event);
        if (plan.root() == null) {
            return CompletableFuture.completedFuture(new ExecutionResult(run.data, run.errors));
        }
        return run.node(plan.root()).thenApply(v -> new ExecutionResult(run.data, run.errors));
    }

    private final class Run {
        final Map<String, Object> data = new LinkedHashMap<>();
        final List<Map<String, Object>> errors = new ArrayList<>();
        final Map<String, Object> variables;
        final Map<String, String> headers;
        final String operationName;
        final Object trace = tracer.capture();
        final SubgraphResponse event;

        Run(Map<String, Object> variables, Map<String, String> headers, String operationName, SubgraphResponse event) {
            this.variables = variables;
            this.headers = headers;
            this.operationName = operationName;
            this.event = event;
        }

        CompletionStage<Void> node(PlanNode node) {
            return switch (node) {
                case PlanNode.Fetch(FetchNode f) -> f.isEntityFetch() ? entities(f) : root(f);
                case PlanNode.Sequence(List<PlanNode> nodes) -> {
                    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                    for (PlanNode n : nodes) {
                        chain = chain.thenCompose(v -> node(n));
                    }
                    yield chain;
                }
                case PlanNode.Parallel(List<PlanNode> nodes) -> {
                    CompletableFuture<?>[] all = new CompletableFuture<?>[nodes.size()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = node(nodes.get(i)).toCompletableFuture();
                    }
                    yield CompletableFuture.allOf(all);
                }
            };
        }

        private CompletionStage<Void> root(FetchNode f) {
            Map<String, Object> body = new LinkedHashMap<>(2);
            body.put("query", f.operation());
            body.put("variables", variablesFor(f));
            CompletionStage<SubgraphResponse> answer;
            if (f.isSubscription()) {
                if (event == null) {
                    throw new IllegalStateException("a subscription's plan runs once per event");
                }
                answer = CompletableFuture.completedFuture(event);
            } else {
                answer = send(f, body, List::of);
            }
            return answer.thenAccept(resp -> {
                if (resp == null) {
                    return;
                }
                if (resp.data() != null) {
                    if (f.hasRenames()) {
                        restoreKeys(resp.data(), f.selection());
                    }
                    Merge.deep(data, resp.data());
                }
                for (Map<String, Object> e : resp.errors()) {
                    errors.add(downstream(e, f, e.get("path") instanceof List<?> p ? p : null));
                }
            });
        }

        private CompletionStage<Void> entities(FetchNode f) {
            List<Map<String, Object>> objects = new ArrayList<>();
            collect(data, f.path(), 0, objects);
            Map<Map<String, Object>, Integer> index = new LinkedHashMap<>();
            List<List<Map<String, Object>>> targets = new ArrayList<>();
            for (Map<String, Object> obj : objects) {
                String typename = obj.get("__typename") instanceof String s ? s : "";
                SelectionTree shape = f.representations().get(typename);
                if (shape == null) {
                    continue;
                }
                Map<String, Object> rep = project(obj, shape);
                if (rep == null) {
                    continue;
                }
                String sentAs = f.representationTypenames().get(typename);
                if (sentAs != null) {
                    rep.put("__typename", sentAs);
                }
                Integer i = index.get(rep);
                if (i == null) {
                    i = targets.size();
                    index.put(rep, i);
                    targets.add(new ArrayList<>(1));
                }
                targets.get(i).add(obj);
            }
            if (targets.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            Map<String, Object> vars = variablesFor(f);
            vars.put("representations", new ArrayList<>(index.keySet()));
            Map<String, Object> body = new LinkedHashMap<>(2);
            body.put("query", f.operation());
            body.put("variables", vars);
            return send(f, body, () -> fieldPaths(f, targets)).thenAccept(resp -> {
                if (resp == null) {
                    return;
                }
                if (resp.data() != null && resp.data().get("_entities") instanceof List<?> list) {
                    for (int i = 0; i < list.size() && i < targets.size(); i++) {
                        if (list.get(i) instanceof Map<?, ?> m) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> entity = (Map<String, Object>) m;
                            if (f.hasRenames()) {
                                restoreKeys(entity, f.selection());
                            }
                            for (Map<String, Object> obj : targets.get(i)) {
                                Merge.deep(obj, entity);
                            }
                        }
                    }
                }
                if (!resp.errors().isEmpty()) {
                    IdentityHashMap<Object, List<Object>> paths = null;
                    for (Map<String, Object> e : resp.errors()) {
                        List<Object> clientPath = null;
                        if (e.get("path") instanceof List<?> p && p.size() >= 2 && "_entities".equals(p.get(0)) && p.get(1) instanceof Number n
                                && n.intValue() < targets.size()) {
                            if (paths == null) {
                                paths = new IdentityHashMap<>();
                                paths(data, f.path(), 0, new ArrayList<>(), paths);
                            }
                            List<Object> base = paths.get(targets.get(n.intValue()).get(0));
                            if (base != null) {
                                clientPath = new ArrayList<>(base);
                                clientPath.addAll(p.subList(2, p.size()));
                            }
                        }
                        errors.add(downstream(e, f, clientPath));
                    }
                }
            });
        }

        private Map<String, Object> variablesFor(FetchNode f) {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (String v : f.variables()) {
                if (variables.containsKey(v)) {
                    vars.put(v, variables.get(v));
                }
            }
            return vars;
        }

        /**
         * The client paths of the fields an entity fetch was to fill, one per object: where a failed fetch leaves a
         * null, so that a client sees which field is missing (an article without its entities, not a blank page).
         */
        private List<List<Object>> fieldPaths(FetchNode f, List<List<Map<String, Object>>> targets) {
            IdentityHashMap<Object, List<Object>> objectPaths = new IdentityHashMap<>();
            paths(data, f.path(), 0, new ArrayList<>(), objectPaths);
            List<List<Object>> out = new ArrayList<>();
            for (List<Map<String, Object>> group : targets) {
                for (Map<String, Object> obj : group) {
                    List<Object> base = objectPaths.get(obj);
                    if (base == null) {
                        continue;
                    }
                    for (String key : responseKeys(f.selection(), obj.get("__typename"))) {
                        List<Object> p = new ArrayList<>(base);
                        p.add(key);
                        out.add(p);
                    }
                }
            }
            return out;
        }

        /**
         * Sends a fetch; a failed request becomes an error and a null result: one error per path that
         * {@code failedPaths} names, or one without a path when it names none.
         */
        private CompletionStage<SubgraphResponse> send(FetchNode f, Map<String, Object> body,
                                                       java.util.function.Supplier<List<List<Object>>> failedPaths) {
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long start = System.nanoTime();
            FetchTracer.Traced traced = tracer.start(trace, f, operationName, headers);
            return (f.isMutation() ? transport : queries).send(f.graph(), bytes, traced.headers()).handle((resp, failure) -> {
                String outcome = failure != null ? "failure" : resp.errors().isEmpty() ? "success" : "errors";
                traced.end(outcome);
                if (failure != null) {
                    observer.fetched(f.serviceName(), System.nanoTime() - start, "failure");
                    List<List<Object>> paths = failedPaths.get();
                    for (List<Object> path : paths.isEmpty() ? java.util.Collections.<List<Object>>singletonList(null) : paths) {
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("message", "Subgraph \"" + f.serviceName() + "\" could not be reached or gave no GraphQL answer");
                        if (path != null) {
                            error.put("path", path);
                        }
                        error.put("extensions", Map.of("code", "SUBGRAPH_REQUEST_FAILED", "serviceName", f.serviceName()));
                        errors.add(error);
                    }
                    return null;
                }
                observer.fetched(f.serviceName(), System.nanoTime() - start, resp.errors().isEmpty() ? "success" : "errors");
                return resp;
            });
        }
    }

    /** The client response keys of the top-level fields a selection asks of an object of this type. */
    static List<String> responseKeys(SelectionTree selection, Object typename) {
        List<String> keys = new ArrayList<>();
        addKeys(selection, keys);
        SelectionTree typed = typename instanceof String t ? selection.fragments().get(t) : null;
        if (typed != null) {
            addKeys(typed, keys);
        }
        return keys;
    }

    private static void addKeys(SelectionTree tree, List<String> keys) {
        for (Map.Entry<String, SelectionTree.FieldNode> e : tree.fields().entrySet()) {
            String key = e.getValue().restoreKey() != null ? e.getValue().restoreKey() : e.getKey();
            if (!e.getValue().name().equals("__typename") && !keys.contains(key)) {
                keys.add(key);
            }
        }
    }

    /** A subgraph error as the client sees it: message and extensions kept, path mapped, serviceName added. */
    static Map<String, Object> downstream(Map<String, Object> e, FetchNode f, List<?> path) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object message = e.get("message");
        out.put("message", message instanceof String s && !s.isEmpty() ? s : "Error while fetching subquery from service \"" + f.serviceName() + "\"");
        if (path != null) {
            out.put("path", path);
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        if (e.get("extensions") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                // Stack traces and exception details are subgraph internals.
                if (!"stacktrace".equals(k) && !"exception".equals(k)) {
                    ext.put(String.valueOf(k), v);
                }
            });
        }
        ext.putIfAbsent("code", "DOWNSTREAM_SERVICE_ERROR");
        ext.put("serviceName", f.serviceName());
        out.put("extensions", ext);
        return out;
    }

    /** Turns the gateway's own aliases in a subgraph answer back into the response keys the plan expects. */
    @SuppressWarnings("unchecked")
    static void restoreKeys(Object value, SelectionTree tree) {
        if (value instanceof List<?> list) {
            for (Object e : list) {
                restoreKeys(e, tree);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        for (Map.Entry<String, SelectionTree.FieldNode> e : tree.fields().entrySet()) {
            SelectionTree.FieldNode node = e.getValue();
            if (node.restoreKey() != null && m.containsKey(node.alias())) {
                m.put(node.restoreKey(), m.remove(node.alias()));
            }
            if (node.selection() != null) {
                restoreKeys(m.get(e.getKey()), node.selection());
            }
        }
        for (Map.Entry<String, SelectionTree> e : tree.fragments().entrySet()) {
            if (e.getKey().equals(m.get("__typename")) || !m.containsKey("__typename")) {
                restoreKeys(m, e.getValue());
            }
        }
    }

    /** Collects the objects at {@code path} (lists flattened, type conditions applied). */
    @SuppressWarnings("unchecked")
    static void collect(Object value, List<PathElement> path, int i, List<Map<String, Object>> out) {
        if (value instanceof List<?> list) {
            for (Object e : list) {
                collect(e, path, i, out);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> m)) {
            return;
        }
        if (i == path.size()) {
            out.add((Map<String, Object>) m);
            return;
        }
        PathElement pe = path.get(i);
        if (pe.isTypeCondition()) {
            if (pe.types().contains(m.get("__typename"))) {
                collect(m, path, i + 1, out);
            }
            return;
        }
        collect(m.get(pe.key()), path, i + 1, out);
    }

    private static void paths(Object value, List<PathElement> path, int i, List<Object> current, IdentityHashMap<Object, List<Object>> out) {
        if (value instanceof List<?> list) {
            for (int k = 0; k < list.size(); k++) {
                current.add(k);
                paths(list.get(k), path, i, current, out);
                current.remove(current.size() - 1);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> m)) {
            return;
        }
        if (i == path.size()) {
            out.putIfAbsent(m, List.copyOf(current));
            return;
        }
        PathElement pe = path.get(i);
        if (pe.isTypeCondition()) {
            if (pe.types().contains(m.get("__typename"))) {
                paths(m, path, i + 1, current, out);
            }
            return;
        }
        current.add(pe.key());
        paths(m.get(pe.key()), path, i + 1, current, out);
        current.remove(current.size() - 1);
    }

    /** The representation of an object: the fields of {@code shape}, or null when one is missing. */
    static Map<String, Object> project(Map<String, Object> obj, SelectionTree shape) {
        Map<String, Object> rep = new LinkedHashMap<>();
        for (Map.Entry<String, SelectionTree.FieldNode> e : shape.fields().entrySet()) {
            String key = e.getKey();
            if (!obj.containsKey(key)) {
                return null;
            }
            Object v = obj.get(key);
            SelectionTree sub = e.getValue().selection();
            // A required field with arguments is fetched under a gateway alias and sent under its own name.
            rep.put(e.getValue().name(), sub == null || v == null ? v : projectValue(v, sub));
        }
        for (Map.Entry<String, SelectionTree> e : shape.fragments().entrySet()) {
            if (e.getKey().equals(obj.get("__typename"))) {
                Map<String, Object> more = project(obj, e.getValue());
                if (more != null) {
                    rep.putAll(more);
                }
            }
        }
        return rep;
    }

    @SuppressWarnings("unchecked")
    private static Object projectValue(Object v, SelectionTree shape) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(e == null ? null : projectValue(e, shape));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> p = project((Map<String, Object>) m, shape);
            return p == null ? m : p;
        }
        return v;
    }
}
