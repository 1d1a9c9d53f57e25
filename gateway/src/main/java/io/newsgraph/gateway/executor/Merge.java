package io.newsgraph.gateway.executor;

import java.util.List;
import java.util.Map;

/** Deep merge of subgraph results into the result tree. */
final class Merge {

    private Merge() {
    }

    @SuppressWarnings("unchecked")
    static void deep(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object existing = target.get(e.getKey());
            Object incoming = e.getValue();
            if (existing instanceof Map<?, ?> em && incoming instanceof Map<?, ?> im && em != im) {
                deep((Map<String, Object>) em, (Map<String, Object>) im);
            } else if (existing instanceof List<?> el && incoming instanceof List<?> il && el.size() == il.size() && el != il) {
                List<Object> target2 = (List<Object>) el;
                for (int i = 0; i < il.size(); i++) {
                    Object a = target2.get(i);
                    Object b = il.get(i);
                    if (a instanceof Map<?, ?> am && b instanceof Map<?, ?> bm) {
                        deep((Map<String, Object>) am, (Map<String, Object>) bm);
                    } else if (!(a instanceof List<?> && b instanceof List<?>)) {
                        target2.set(i, b);
                    }
                }
            } else if (existing == null || !(incoming == null && existing instanceof Map<?, ?>)) {
                target.put(e.getKey(), incoming);
            }
        }
    }
}
