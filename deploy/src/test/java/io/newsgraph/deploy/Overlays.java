package io.newsgraph.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders the overlays the way an operator would: a copy of deploy/ (so nothing lands in the work tree), secret
 * files written by deploy/make-secrets.sh, then {@code kubectl kustomize}.
 */
final class Overlays {

    static final Path DEPLOY_DIR = Path.of(System.getProperty("newsgraph.deploy.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO_DIR = DEPLOY_DIR.getParent();

    /** Overlay name to the namespace it deploys into. */
    static final Map<String, String> NAMESPACES = Map.of("dev", "newsgraph-dev", "prod", "newsgraph");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** The rendered YAML of one overlay (rendered once per test run). */
    static String yaml(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Overlays::render);
    }

    static Rendered rendered(String overlay) {
        return Rendered.fromYaml(yaml(overlay));
    }

    private static String render(String overlay) {
        return render(overlay, null, Map.of());
    }

    /**
     * Renders an overlay with a component of deploy/components added (as an operator would add it in their overlay),
     * after appending {@code secretLines} to the named secret files.
     */
    static String render(String overlay, String component, Map<String, String> secretLines) {
        Path work = null;
        try {
            work = Files.createTempDirectory("newsgraph-deploy");
            Path copy = copyOfDeploy(work);
            run(copy, "bash", "make-secrets.sh", "overlays/" + overlay);
            for (Map.Entry<String, String> e : secretLines.entrySet()) {
                Files.writeString(copy.resolve("overlays").resolve(overlay).resolve("secrets").resolve(e.getKey()),
                        e.getValue() + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
            Path target = copy.resolve("overlays").resolve(overlay);
            if (component != null) {
                target = copy.resolve("overlays").resolve(overlay + "-with-" + component);
                Files.createDirectories(target);
                Files.writeString(target.resolve("kustomization.yaml"), String.join("\n",
                        "apiVersion: kustomize.config.k8s.io/v1beta1",
                        "kind: Kustomization",
                        "resources:",
                        "- ../" + overlay,
                        "components:",
                        "- ../../components/" + component,
                        ""));
            }
            return Kubectl.find().kustomize(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Renders overlays that share one set of secret files (those of {@code secretsOverlay}, written once), so that their
     * Secrets and the references to them are the same: to compare overlays built on one another.
     */
    static List<String> renderSharingSecrets(String secretsOverlay, String... overlays) {
        Path work = null;
        try {
            work = Files.createTempDirectory("newsgraph-deploy");
            Path copy = copyOfDeploy(work);
            run(copy, "bash", "make-secrets.sh", "overlays/" + secretsOverlay);
            List<String> out = new java.util.ArrayList<>();
            for (String overlay : overlays) {
                out.add(Kubectl.find().kustomize(copy.resolve("overlays").resolve(overlay)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    /** What kustomize reads of deploy/, copied into {@code work}, without any secret file of the real tree. */
    private static Path copyOfDeploy(Path work) throws IOException {
        Path copy = work.resolve("deploy");
        copyTree(DEPLOY_DIR.resolve("base"), copy.resolve("base"));
        copyTree(DEPLOY_DIR.resolve("overlays"), copy.resolve("overlays"));
        copyTree(DEPLOY_DIR.resolve("components"), copy.resolve("components"));
        Files.copy(DEPLOY_DIR.resolve("make-secrets.sh"), copy.resolve("make-secrets.sh"));
        return copy;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory, leaving out secret files an operator may have written into the real tree. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!(p.getParent().getFileName().toString().equals("secrets") && p.toString().endsWith(".env"))) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
