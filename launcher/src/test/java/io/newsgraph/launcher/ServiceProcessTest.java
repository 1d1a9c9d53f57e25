package io.newsgraph.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {

    @Test
    void everyServiceJvmExitsOnOutOfMemoryAfterTheCallersOptions() {
        List<String> command = ServiceProcess.command(Path.of("/x/app.jar"), List.of("-Xmx2g", "-XX:-ExitOnOutOfMemoryError"));
        int flag = command.indexOf("-XX:+ExitOnOutOfMemoryError");
        assertTrue(flag > command.indexOf("-XX:-ExitOnOutOfMemoryError"), command::toString);
        assertEquals(flag + 1, command.indexOf("-jar"), command::toString);
    }

    /**
     * A program that survives an OutOfMemoryError (one thread dies of it, another keeps the JVM up: a server's
     * situation) started as the launcher starts a service: the JVM exits instead of lingering, and the launcher sees it.
     */
    @Test
    void aProcessThatRunsOutOfHeapExits(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Hog.java");
        Files.writeString(src, """
                public class Hog {
                    public static void main(String[] args) throws Exception {
                        Thread hog = new Thread(() -> {
                            java.util.List<long[]> keep = new java.util.ArrayList<>();
                            while (true) {
                                keep.add(new long[1 << 20]);
                            }
                        });
                        hog.start();
                        Thread.sleep(Long.MAX_VALUE);
                    }
                }
                """);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()));
        Path jar = dir.resolve("hog.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hog");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("Hog.class"));
            j.write(Files.readAllBytes(dir.resolve("Hog.class")));
            j.closeEntry();
        }

        ServiceProcess p = ServiceProcess.start(Service.ARTICLES, "http://127.0.0.1:1", 1, jar, List.of("-Xmx32m"),
                Map.of(), dir.resolve("hog.log"));
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                ServiceProcess.sleep(100);
            }
            assertFalse(p.isAlive(), "still running after running out of heap");
            assertTrue(String.join("\n", p.tail(20)).contains("OutOfMemoryError"), () -> String.join("\n", p.tail(20)));
        } finally {
            p.kill();
        }
    }
}
