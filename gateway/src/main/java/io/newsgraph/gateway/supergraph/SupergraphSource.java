package io.newsgraph.gateway.supergraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Where the supergraph SDL comes from: a file (watched for changes) or a classpath resource
 * ({@code classpath:name}, read once).
 */
public final class SupergraphSource {

    private static final String CLASSPATH = "classpath:";

    private final String location;
    private FileTime lastModified;
    private long lastSize = -1;

    public SupergraphSource(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }

    public boolean isFile() {
        return !location.startsWith(CLASSPATH);
    }

    /** Reads and parses the supergraph. */
    public Supergraph load() {
        return SupergraphParser.parse(read());
    }

    public String read() {
        if (!isFile()) {
            String name = location.substring(CLASSPATH.length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new SupergraphException("no supergraph on the classpath at " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SupergraphException("cannot read supergraph " + location, e);
            }
        }
        Path path = Path.of(location);
        try {
            lastModified = Files.getLastModifiedTime(path);
            lastSize = Files.size(path);
            return Files.readString(path);
        } catch (IOException e) {
            throw new SupergraphException("cannot read supergraph file " + location + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file changed since it was last read (always false for classpath resources). */
    public boolean changed() {
        if (!isFile()) {
            return false;
        }
        Path path = Path.of(location);
        try {
            return !Files.getLastModifiedTime(path).equals(lastModified) || Files.size(path) != lastSize;
        } catch (IOException e) {
            return false;
        }
    }
}
