package io.newsgraph.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the Node processes tests need (the test subgraphs, the reference @apollo/gateway) from
 * {@code tools/federation}, installing its packages when they are missing.
 */
public final class NodeProcesses {

    public static final Path REPO = locateRepo();
    public static final Path TOOLS = REPO.resolve("tools/federation");

    private NodeProcesses() {
    }

    private static Path locateRepo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("tools/federation/package.json"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("..").toAbsolutePath().normalize() : p;
    }

    public static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static synchronized void ensureInstalled() {
        if (Files.isDirectory(TOOLS.resolve("node_modules/@apollo/gateway"))) {
            return;
        }
        try {
            // Not inherited: npm writing to the test JVM's own stdout corrupts surefire's channel to it.
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(TOOLS.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(TOOLS.resolve("npm-ci.log").toFile())).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + TOOLS);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("npm ci failed in " + TOOLS, e);
        }
    }

    /** A running Node process and the first line it printed. */
    public record Running(Process process, String firstLine) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code node script args...} and waits for its first stdout line. */
    public static Running start(List<String> command) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + command + " exited before it was ready");
            }
            // Keep draining stdout so the process never blocks on a full pipe.
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            return new Running(p, line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + command, e);
        }
    }

    /** Starts the test subgraphs; returns the process and the URL of each subgraph by name. */
    @SuppressWarnings("unchecked")
    public static Map.Entry<Running, Map<String, String>> startSubgraphs() {
        ensureInstalled();
        Running r = start(List.of(REPO.resolve("gateway/src/test/node/subgraphs.mjs").toString()));
        try {
            return Map.entry(r, new ObjectMapper().readValue(r.firstLine(), Map.class));
        } catch (IOException e) {
            r.close();
            throw new IllegalStateException("subgraphs printed " + r.firstLine(), e);
        }
    }

    /** The test supergraph with the routing URLs of running subgraphs, written to a temporary file. */
    public static Path supergraphFor(Map<String, String> urls) {
        String sdl = TestSupergraphs.sdl();
        for (Map.Entry<String, String> e : urls.entrySet()) {
            sdl = sdl.replace("http://" + e.getKey() + ".test/graphql", e.getValue());
        }
        try {
            Path file = Files.createTempFile("supergraph", ".graphql");
            Files.writeString(file, sdl);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
