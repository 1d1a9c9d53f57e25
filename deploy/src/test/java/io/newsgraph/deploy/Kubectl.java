package io.newsgraph.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubectl binary whose built-in kustomize renders the overlays, exactly as {@code kubectl apply -k} would.
 * Found through {@code NEWSGRAPH_KUBECTL} or on the PATH; {@code deploy/install-kubectl.sh} installs one.
 */
final class Kubectl {

    /** The manifests use kustomize v5 fields ({@code labels}, {@code replicas}, inline {@code patches}). */
    static final int MIN_KUSTOMIZE_MAJOR = 5;

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private final String executable;

    private Kubectl(String executable) {
        this.executable = executable;
    }

    static Kubectl find() {
        String configured = System.getenv("NEWSGRAPH_KUBECTL");
        Kubectl kubectl = new Kubectl(configured == null || configured.isBlank() ? "kubectl" : configured);
        String version;
        try {
            version = kubectl.run(List.of("version", "--client"), null);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("no usable kubectl (" + e.getMessage() + "): run deploy/install-kubectl.sh "
                    + "or point NEWSGRAPH_KUBECTL at a kubectl with kustomize v" + MIN_KUSTOMIZE_MAJOR + " or newer", e);
        }
        Matcher m = KUSTOMIZE_VERSION.matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            throw new IllegalStateException(kubectl.executable + " embeds an older kustomize than v" + MIN_KUSTOMIZE_MAJOR
                    + " (" + version.strip().replace('\n', ' ') + "): run deploy/install-kubectl.sh or set NEWSGRAPH_KUBECTL");
        }
        return kubectl;
    }

    /** Renders a kustomization directory to multi-document YAML. */
    String kustomize(Path dir) {
        return run(List.of("kustomize", dir.toString()), dir);
    }

    private String run(List<String> args, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        Path stderr = null;
        try {
            stderr = Files.createTempFile("kubectl", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Process process = pb.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }
}
