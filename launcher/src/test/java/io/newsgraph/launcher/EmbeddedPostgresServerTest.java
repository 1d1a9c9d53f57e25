package io.newsgraph.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerTest {

    @Test
    void keepsItsDataAcrossARestartOnTheSamePort(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("data"), port, dir.resolve("pg.log"));
        try {
            pg.start();
            pg.createDatabases(List.of("articles", "entities"));
            pg.createDatabases(List.of("articles", "entities")); // again: nothing to do, no error
            Database db = pg.database("articles");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v text)");
                st.execute("INSERT INTO kept VALUES ('before restart')");
            }

            pg.restart();

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("before restart", rs.getString(1));
            }
            assertTrue(EmbeddedPostgresServer.postmaster(dir.resolve("data")).isPresent());
        } finally {
            pg.close();
        }
        assertTrue(EmbeddedPostgresServer.postmaster(dir.resolve("data")).isEmpty(), "stopped");
    }
}
