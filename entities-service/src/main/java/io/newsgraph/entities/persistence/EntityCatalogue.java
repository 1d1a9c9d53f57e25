package io.newsgraph.entities.persistence;

import io.newsgraph.entities.domain.KeyKind;
import io.newsgraph.entities.domain.NameKeys;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical entities and the keys they are found by. Every method must run inside the caller's transaction, and
 * every statement touches the rows its arguments name, through an index, whatever the size of the catalogue.
 *
 * <p>Row locks on {@code entity} are taken in one order by every writer (descending id: the oldest entities, which
 * are the busiest, are locked last and so held for the shortest time), so writers never deadlock on them.
 */
@ApplicationScoped
public class EntityCatalogue {

    @Inject
    GraphSql sql;

    @Inject
    JsonColumns json;

    /** A lookup key of one entity type. */
    public record TypedKey(EntityType type, String key) {
    }

    /** A new canonical entity, before it has an id. */
    public record NewEntity(EntityType type, String name, String normalizedValue, String countryCode,
                            List<String> aliases, List<Role> roles) {
    }

    /** The descriptive fields of an entity after a merge. */
    public record Description(long id, String name, String countryCode, List<String> aliases, List<Role> roles) {
    }

    /** One lookup key of one entity. */
    public record KeyRow(EntityType type, String key, KeyKind kind, long entityId) {
    }

    /** How an entity's counts change. */
    public record CountDelta(long entityId, int mentions, int articles) {
    }

    /** Every stored key among the given ones, in one query. */
    public List<KeyMatch> findKeys(Collection<EntityType> types, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    SELECT k.type, k.key, k.kind, k.entity_id, e.article_count
                    FROM entity_key k JOIN entity e ON e.id = k.entity_id
                    WHERE k.type = ANY(?) AND k.key = ANY(?)""")) {
                ps.setArray(1, GraphSql.texts(c, types.stream().map(Enum::name).toList()));
                ps.setArray(2, GraphSql.texts(c, keys));
                List<KeyMatch> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KeyMatch(EntityType.valueOf(rs.getString(1)), rs.getString(2),
                                KeyKind.values()[rs.getShort(3)], rs.getLong(4), rs.getInt(5)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Takes the advisory lock of each key until the transaction ends, in one global order (by hash). A writer that may
     * create the entity a key names holds that key's lock, then looks again: a second writer with the same new name
     * waits, and then finds the first one's entity instead of making a duplicate. Keys that already name an entity
     * are not locked, so a busy entity does not make writers take turns here.
     */
    public void lockKeys(Collection<TypedKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<Integer> hashes = keys.stream().map(k -> (k.type().name() + '\u001f' + k.key()).hashCode())
                .distinct().sorted().toList();
        sql.work(c -> {
            // unnest keeps the array's order, so the locks are taken in it
            try (PreparedStatement ps = sql.prepare(c,
                    "SELECT count(pg_advisory_xact_lock(?, h)) FROM unnest(?::int4[]) AS h")) {
                ps.setInt(1, AdvisoryLocks.KEY);
                ps.setArray(2, GraphSql.ints(c, hashes));
                ps.execute();
            }
            return null;
        });
    }

    /** Entities by id, as stored now, without locking. */
    public Map<Long, StoredEntity> load(Collection<Long> ids) {
        return select(ids, "");
    }

    /**
     * Entities by id, row-locked (no key update: inserts that reference them still go on) until the transaction ends,
     * in descending id order. An entity deleted meanwhile is missing from the answer.
     */
    public Map<Long, StoredEntity> lock(Collection<Long> ids) {
        return select(ids, " ORDER BY id DESC FOR NO KEY UPDATE");
    }

    private Map<Long, StoredEntity> select(Collection<Long> ids, String tail) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    SELECT id, type, name, normalized_value, country_code, aliases::text, roles::text,
                           mention_count, article_count
                    FROM entity WHERE id = ANY(?)""" + tail)) {
                ps.setArray(1, GraphSql.longs(c, ids));
                Map<Long, StoredEntity> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEntity e = readEntity(rs);
                        out.put(e.id(), e);
                    }
                }
                return out;
            }
        });
    }

    /** Creates canonical entities, in two statements whatever their number; returns their ids in the given order. */
    public List<Long> create(List<NewEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        return sql.work(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c,
                    "SELECT nextval(pg_get_serial_sequence('entity', 'id')) FROM generate_series(1, ?)")) {
                ps.setInt(1, entities.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = sql.prepare(c, """
                    INSERT INTO entity (id, type, name, normalized_name, normalized_value, country_code, aliases, roles,
                                        search_names)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::char(2)[],
                                         ?::jsonb[], ?::jsonb[], ?::text[])""")) {
                ps.setArray(1, GraphSql.longs(c, ids));
                ps.setArray(2, GraphSql.texts(c, entities.stream().map(e -> e.type().name()).toList()));
                ps.setArray(3, GraphSql.texts(c, entities.stream().map(NewEntity::name).toList()));
                ps.setArray(4, GraphSql.texts(c, entities.stream().map(e -> NameKeys.normalize(e.name())).toList()));
                ps.setArray(5, GraphSql.texts(c, entities.stream().map(NewEntity::normalizedValue).toList()));
                ps.setArray(6, GraphSql.texts(c, entities.stream().map(NewEntity::countryCode).toList()));
                ps.setArray(7, GraphSql.texts(c, entities.stream().map(e -> json.write(e.aliases())).toList()));
                ps.setArray(8, GraphSql.texts(c, entities.stream().map(e -> json.write(e.roles())).toList()));
                ps.setArray(9, GraphSql.texts(c, entities.stream().map(e -> searchNames(e.name(), e.aliases())).toList()));
                ps.executeUpdate();
            }
            return ids;
        });
    }

    /** Overwrites the descriptive fields of entities the caller has locked and merged, in one statement. */
    public void describe(List<Description> changes) {
        if (changes.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    UPDATE entity e SET name = d.name, normalized_name = d.normalized_name, country_code = d.country_code,
                        aliases = d.aliases, roles = d.roles, search_names = d.search_names, updated_at = now()
                    FROM unnest(?::bigint[], ?::text[], ?::text[], ?::char(2)[], ?::jsonb[], ?::jsonb[], ?::text[])
                        AS d(id, name, normalized_name, country_code, aliases, roles, search_names)
                    WHERE e.id = d.id""")) {
                ps.setArray(1, GraphSql.longs(c, changes.stream().map(Description::id).toList()));
                ps.setArray(2, GraphSql.texts(c, changes.stream().map(Description::name).toList()));
                ps.setArray(3, GraphSql.texts(c, changes.stream().map(d -> NameKeys.normalize(d.name())).toList()));
                ps.setArray(4, GraphSql.texts(c, changes.stream().map(Description::countryCode).toList()));
                ps.setArray(5, GraphSql.texts(c, changes.stream().map(d -> json.write(d.aliases())).toList()));
                ps.setArray(6, GraphSql.texts(c, changes.stream().map(d -> json.write(d.roles())).toList()));
                ps.setArray(7, GraphSql.texts(c, changes.stream().map(d -> searchNames(d.name(), d.aliases())).toList()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Adds lookup keys, in one statement; keys an entity already has are kept. */
    public void addKeys(Collection<KeyRow> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<KeyRow> sorted = keys.stream().distinct()
                .sorted(Comparator.comparing((KeyRow k) -> k.type().name()).thenComparing(KeyRow::key)
                        .thenComparing(KeyRow::kind).thenComparingLong(KeyRow::entityId))
                .toList();
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    INSERT INTO entity_key (type, key, kind, entity_id)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::smallint[], ?::bigint[])
                    ON CONFLICT DO NOTHING""")) {
                ps.setArray(1, GraphSql.texts(c, sorted.stream().map(k -> k.type().name()).toList()));
                ps.setArray(2, GraphSql.texts(c, sorted.stream().map(KeyRow::key).toList()));
                ps.setArray(3, c.createArrayOf("int2", sorted.stream().map(k -> (short) k.kind().ordinal()).toArray()));
                ps.setArray(4, GraphSql.longs(c, sorted.stream().map(KeyRow::entityId).toList()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Adds to the mention and article counts: what changed, never a recount, so the cost is the article's own. */
    public void addCounts(Collection<CountDelta> deltas) {
        List<CountDelta> changed = deltas.stream().filter(d -> d.mentions() != 0 || d.articles() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    UPDATE entity e SET mention_count = e.mention_count + d.m, article_count = e.article_count + d.a
                    FROM unnest(?::bigint[], ?::int4[], ?::int4[]) AS d(id, m, a)
                    WHERE e.id = d.id""")) {
                ps.setArray(1, GraphSql.longs(c, changed.stream().map(CountDelta::entityId).toList()));
                ps.setArray(2, GraphSql.ints(c, changed.stream().map(CountDelta::mentions).toList()));
                ps.setArray(3, GraphSql.ints(c, changed.stream().map(CountDelta::articles).toList()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes those of the given entities that no article mentions any more (keys and pairs go with them). */
    public int deleteOrphans(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, "DELETE FROM entity WHERE id = ANY(?) AND article_count = 0")) {
                ps.setArray(1, GraphSql.longs(c, ids));
                return ps.executeUpdate();
            }
        });
    }

    private StoredEntity readEntity(ResultSet rs) throws SQLException {
        return new StoredEntity(rs.getLong(1), EntityType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), trimmed(rs.getString(5)), json.aliases(rs.getString(6)),
                json.roles(rs.getString(7)), rs.getInt(8), rs.getInt(9));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static String searchNames(String name, List<String> aliases) {
        return aliases.isEmpty() ? name : name + " | " + String.join(" | ", aliases);
    }
}
