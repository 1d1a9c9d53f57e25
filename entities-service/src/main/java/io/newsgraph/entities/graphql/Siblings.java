package io.newsgraph.entities.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The objects one SQL statement produced (one list level of a GraphQL response). A field asked on any of them is
 * loaded for all of them at once, once per distinct argument set, so that the statement count of a request depends
 * on its shape, not on its size, and two aliases of one field with different arguments each get their own answer.
 *
 * @param <K> the key of a member (entity id, article id)
 */
final class Siblings<K> {

    private final List<K> keys;
    private final Map<List<Object>, Map<K, ?>> loaded = new ConcurrentHashMap<>();

    Siblings(Collection<K> keys) {
        this.keys = List.copyOf(new java.util.LinkedHashSet<>(keys));
    }

    /**
     * The value of a field for one member, loading it for every member the first time the field is asked with these
     * arguments.
     *
     * @param field     the field's name
     * @param arguments the field's arguments, as given
     * @param key       the member asked about
     * @param load      loads the field for a set of members; members without a value may be absent
     */
    @SuppressWarnings("unchecked")
    <V> V get(String field, List<Object> arguments, K key, Function<List<K>, Map<K, V>> load) {
        List<Object> cacheKey = new java.util.ArrayList<>();
        cacheKey.add(field);
        cacheKey.addAll(arguments);
        return (V) loaded.computeIfAbsent(cacheKey, k -> load.apply(keys)).get(key);
    }
}
