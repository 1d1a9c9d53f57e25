package io.newsgraph.entities.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the database directly, to check what was (not) stored. */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

    /** The single number a query returns. */
    public long number(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long mentions(String articleId) {
        return number("SELECT count(*) FROM mention WHERE article_id = ?", articleId);
    }

    public long version(String articleId) {
        return number("SELECT coalesce(max(version), -1) FROM extraction WHERE article_id = ?", articleId);
    }
}
