package io.newsgraph.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds each service's runnable jar and rebuilds the modules whose jar is missing or older than their sources. */
public final class ModuleBuilds {

    private final Path root;

    public ModuleBuilds(Path root) {
        this.root = root;
    }

    public Path jar(Service service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The services whose jar is absent, or older than any file under the module's {@code src/} or its pom. */
    public List<Service> stale(List<Service> services) {
        List<Service> out = new ArrayList<>();
        for (Service s : services) {
            Path jar = jar(s);
            if (!Files.exists(jar) || newestSource(root.resolve(s.module())).compareTo(lastModified(jar)) > 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * {@code mvn -B -ntp install -DskipTests -pl <modules> -am}, output to {@code log}.
     *
     * @throws LaunchException with the log's last lines when the build fails
     */
    public void build(List<Service> services, Path log) {
        if (services.isEmpty()) {
            return;
        }
        List<String> modules = services.stream().map(Service::module).toList();
        List<String> command = List.of("mvn", "-B", "-ntp", "install", "-DskipTests", "-pl", String.join(",", modules), "-am");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new LaunchException("build of " + modules + " failed (mvn exit code " + code + ")\n  log: " + log
                        + "\n  last lines:\n    " + String.join("\n    ", ServiceProcess.tail(log, 30)));
            }
        } catch (IOException e) {
            throw new LaunchException("could not run mvn (is Maven installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted during the build");
        }
    }

    private static FileTime newestSource(Path module) {
        FileTime newest = lastModified(module.resolve("pom.xml"));
        Path src = module.resolve("src/main");
        if (Files.isDirectory(src)) {
            try (Stream<Path> files = Files.walk(src)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    FileTime t = lastModified(p);
                    if (t.compareTo(newest) > 0) {
                        newest = t;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest;
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.exists(p) ? Files.getLastModifiedTime(p) : FileTime.fromMillis(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
