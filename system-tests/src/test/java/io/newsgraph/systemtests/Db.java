package io.newsgraph.systemtests;

import io.newsgraph.launcher.Database;
import io.newsgraph.launcher.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only look into a service's database, for what no API shows in bulk (duplicate mentions, the counts of
 * thousands of rows). The tests only observe through it; every change goes through the services' APIs.
 */
final class Db {

    private Db() {
    }

    static List<Map<String, Object>> query(Service service, String sql, Object... params) {
        return query(SystemSuite.get().database(service), sql, params);
    }

    static List<Map<String, Object>> query(Database db, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed on " + db.jdbcUrl() + ": " + e.getMessage() + "\n" + sql, e);
        }
    }

    static long count(Service service, String sql, Object... params) {
        return ((Number) query(service, sql, params).getFirst().values().iterator().next()).longValue();
    }

    static long count(Database db, String sql, Object... params) {
        return ((Number) query(db, sql, params).getFirst().values().iterator().next()).longValue();
    }

    /** Runs a statement on the server's maintenance database (creating a database, for example). */
    static void admin(Database anyDb, String sql) {
        String url = anyDb.jdbcUrl().substring(0, anyDb.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(url, anyDb.username(), anyDb.password());
             var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
