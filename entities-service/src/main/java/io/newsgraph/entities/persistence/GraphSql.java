package io.newsgraph.entities.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/**
 * Plain SQL on the transaction's connection, for the write side of the graph: it moves whole sets of rows (an
 * article's mentions, its co-occurrence pairs) and set-based statements keep that to a handful of round trips.
 *
 * <p>Every statement is counted ({@code newsgraph.graph.statements}): the number per stored article must not grow
 * with the archive, and the metric lets a test and an operator see that. At DEBUG each statement is logged.
 */
@ApplicationScoped
public class GraphSql {

    private static final Logger LOG = Logger.getLogger(GraphSql.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    private Counter statements;

    @PostConstruct
    void init() {
        statements = metrics.counter("newsgraph.graph.statements");
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs JDBC work on the current transaction's connection. */
    public <T> T work(Work<T> w) {
        return em.unwrap(Session.class).doReturningWork(w::run);
    }

    /** Prepares a statement and counts it. */
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        statements.increment();
        LOG.debug(sql);
        return c.prepareStatement(sql);
    }

    /** Prepares a statement of the read side: logged like the rest, not counted (the count is the write side's). */
    public PreparedStatement prepareRead(Connection c, String sql) throws SQLException {
        LOG.debug(sql);
        return c.prepareStatement(sql);
    }

    /** How many statements the write side has prepared since start. */
    public double statementCount() {
        return statements.count();
    }

    static Array longs(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    static Array ints(Connection c, Collection<Integer> values) throws SQLException {
        return c.createArrayOf("int4", values.toArray());
    }

    static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }
}
