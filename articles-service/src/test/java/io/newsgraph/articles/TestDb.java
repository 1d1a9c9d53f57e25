package io.newsgraph.articles;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC look-ups, so tests see what is really committed. */
public final class TestDb {

    /** A token of the test issuer with role {@code editor}: what every write sends. */
    public static final String EDITOR_TOKEN = TestTokens.shared().token(Roles.EDITOR);

    private TestDb() {
    }

    public static long count(AgroalDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(AgroalDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(AgroalDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties both tables: tests that check "nothing stored" start from zero. */
    public static void clear(AgroalDataSource ds) {
        execute(ds, "DELETE FROM outbox_event; DELETE FROM article");
    }
}
