package io.newsgraph.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    @Test
    void generatesOnceThenReusesTheStoredKeys(@TempDir Path dir) throws Exception {
        ApiKeys first = ApiKeys.loadOrCreate(dir);
        ApiKeys second = ApiKeys.loadOrCreate(dir);
        assertEquals(first, second);
        assertNotEquals(first.articles(), first.entities());
        assertTrue(first.articles().length() >= 40, "256 random bits, base64url");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ApiKeys.FILE_NAME))));
    }

    @Test
    void neverShowsAKeyInFull(@TempDir Path dir) {
        ApiKeys keys = ApiKeys.loadOrCreate(dir);
        assertFalse(keys.toString().contains(keys.articles()));
        assertFalse(keys.toString().contains(keys.entities()));
        assertFalse(ApiKeys.masked(keys.articles()).contains(keys.articles().substring(4)));
    }
}
