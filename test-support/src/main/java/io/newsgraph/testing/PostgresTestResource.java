package io.newsgraph.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own fresh PostgreSQL database (see {@link TestDatabases} for where it runs).
 *
 * <p>Use with {@code @QuarkusTestResource(PostgresTestResource.class)}; the init argument {@code prefix} names the
 * database (default {@code test}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String prefix = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("prefix", prefix);
    }

    @Override
    public Map<String, String> start() {
        TestDatabases.Database db = TestDatabases.create(prefix);
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // The database is dropped with the embedded server at JVM exit; a configured server keeps it for inspection.
    }
}
