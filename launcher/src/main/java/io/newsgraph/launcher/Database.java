package io.newsgraph.launcher;

/** Where a service's data lives: a JDBC URL with its credentials. */
public record Database(String jdbcUrl, String username, String password) {
}
