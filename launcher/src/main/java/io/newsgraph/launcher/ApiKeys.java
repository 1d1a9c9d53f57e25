package io.newsgraph.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The API keys of the local suite: generated once into {@code secrets.properties} in the state directory (readable by
 * the owner only) and reused on every later run, so clients keep working across restarts. Keys are never printed in
 * full: {@link #masked} shows enough to tell two apart.
 *
 * @param articles the key clients send to write articles (articles-service)
 * @param entities the key internal callers (the outbox relay, /extract users) send to entities-service
 */
public record ApiKeys(String articles, String entities) {

    static final String FILE_NAME = "secrets.properties";

    /** Reads the keys from {@code stateDir}, generating and storing any that are missing. */
    public static ApiKeys loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        Properties p = new Properties();
        try {
            Files.createDirectories(stateDir);
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                }
            }
            boolean changed = false;
            for (String name : new String[] {"articles.api-key", "entities.api-key"}) {
                if (p.getProperty(name, "").isBlank()) {
                    p.setProperty(name, generate());
                    changed = true;
                }
            }
            if (changed) {
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                try (Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, "API keys of the local newsgraph suite. Keep private.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
        return new ApiKeys(p.getProperty("articles.api-key"), p.getProperty("entities.api-key"));
    }

    /** The first four characters and the length: enough to recognise a key, not to use it. */
    public static String masked(String key) {
        return key.substring(0, Math.min(4, key.length())) + "… (" + key.length() + " chars)";
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the keys out of any accidental log line or exception message. */
    @Override
    public String toString() {
        return "ApiKeys[articles=" + masked(articles) + ", entities=" + masked(entities) + "]";
    }
}
