package io.newsgraph.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The federation tools of {@code tools/federation} (Node): supergraph composition and the reference gateway. */
final class Federation {

    private Federation() {
    }

    /**
     * Composes the supergraph of the two subgraphs into {@code out} with {@code compose.mjs}; each subgraph is asked
     * for its {@code _service { sdl }} at its URL, and that URL is written as its routing URL.
     */
    static void compose(Path root, Path out, String articlesUrl, String entitiesUrl) {
        composeWithRouting(root, out, articlesUrl, articlesUrl, entitiesUrl, entitiesUrl);
    }

    /** As {@link #compose}, with routing URLs other than the URLs the SDL is read from. */
    static void composeWithRouting(Path root, Path out, String articlesUrl, String articlesRouting, String entitiesUrl,
            String entitiesRouting) {
        Path tools = tools(root);
        run(tools, List.of("node", "compose.mjs", "articles=" + articlesUrl + "@" + articlesRouting,
                "entities=" + entitiesUrl + "@" + entitiesRouting, "--out", out.toAbsolutePath().toString()), Duration.ofSeconds(60));
    }

    /** Starts {@code @apollo/gateway} over a supergraph file on a port; stop it with {@link Process#destroy()}. */
    static Process referenceGateway(Path root, Path supergraph, int port, Path log) {
        Path tools = tools(root);
        try {
            Process p = new ProcessBuilder("node", "reference-gateway.mjs", "--supergraph", supergraph.toAbsolutePath().toString(),
                    "--port", Integer.toString(port))
                    .directory(tools.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    throw new AssertionError("reference gateway exited: " + Files.readString(log));
                }
                try {
                    if (Http.get("http://127.0.0.1:" + port + "/health").status() == 200) {
                        return p;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            p.destroyForcibly();
            throw new AssertionError("reference gateway not up within 60 s: " + Files.readString(log));
        } catch (IOException e) {
            throw new AssertionError("could not start node: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path tools(Path root) {
        Path tools = root.resolve("tools/federation");
        if (!Files.isDirectory(tools.resolve("node_modules"))) {
            throw new AssertionError("tools/federation/node_modules is missing: run `npm ci` there (./newsgraph test does)");
        }
        return tools;
    }

    private static String run(Path dir, List<String> command, Duration timeout) {
        try {
            Path out = Files.createTempFile("federation", ".log");
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout.toSeconds() + " s");
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " failed (exit " + p.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
