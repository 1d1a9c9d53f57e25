package io.newsgraph.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.newsgraph.launcher.Service;

/**
 * GraphiQL in headless Chromium against the running suite: {@code src/test/browser/graphiql.mjs} (playwright-core
 * driving the machine's Chromium) does the clicking and asserting; this test starts the suite, gives it an article
 * that crosses both subgraphs, and fails when the script does. Not part of the default run (it needs Chromium):
 * {@code mvn -pl system-tests verify -Dit.test=GraphiQLBrowserIT}, as {@code .ci/run} does.
 */
class GraphiQLBrowserIT {

    @Test
    void graphiqlWorksInABrowserWithNothingFromOutside() throws IOException, InterruptedException {
        Path browser = SystemSuite.root().resolve("system-tests/src/test/browser");
        Path shots = SystemSuite.root().resolve("system-tests/target/graphiql-screenshots");
        Files.createDirectories(shots);
        String gateway = SystemSuite.url(Service.GATEWAY);
        HappyPathIT.awaitDone(HappyPathIT.ingest("""
                Japan and the United States hold defence talks in Tokyo
                Secretary of Defense Lloyd J. Austin III met officials of Japan in Tokyo on November 2, 2024, to discuss \
                the Indo-Pacific. China was also on the agenda, officials said.""", "graphiql-browser-seed", "2024-11-02T10:00:00Z"));

        if (!Files.isDirectory(browser.resolve("node_modules/playwright-core"))) {
            assertEquals(0, run(browser, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), null, shots), "npm ci");
        }
        // The one credential: an editor token of the suite's issuer, as `./newsgraph token editor` gives one.
        String token = SystemSuite.tokens().token("editor");
        assertEquals(0, run(browser, List.of("node", "graphiql.mjs"), new String[] {gateway, token, shots.toString()}, shots),
                "graphiql.mjs failed; its output is in " + shots.resolve("graphiql.log") + ", screenshots beside it");
    }

    private static int run(Path dir, List<String> command, String[] env, Path logDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("graphiql.log").toFile()));
        if (env != null) {
            pb.environment().put("GATEWAY_URL", env[0]);
            pb.environment().put("GRAPHQL_TOKEN", env[1]);
            pb.environment().put("SCREENSHOT_DIR", env[2]);
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        String log = Files.readString(logDir.resolve("graphiql.log"));
        System.out.println(log);
        return p.exitValue();
    }
}
