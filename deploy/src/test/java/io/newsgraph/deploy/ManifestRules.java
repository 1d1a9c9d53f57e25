package io.newsgraph.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every rendered overlay must keep, each returning its violations (empty when kept), so that a test can
 * show both that the real manifests keep a rule and that a broken manifest breaks it.
 */
final class ManifestRules {

    /** The three newsgraph services, each built into its own image and served on its own port. */
    static final Map<String, Integer> SERVICES = Map.of("gateway", 8080, "articles-service", 8081, "entities-service", 8082);
    static final String PUBLIC_SERVICE = "gateway";

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kmgKMG])");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
    private static final Pattern JOIN_GRAPH_URL = Pattern.compile("@join__graph\\(name: \"([^\"]+)\", url: \"([^\"]+)\"\\)");
    /** kustomize appends "-" and a 10-character hash to generated ConfigMaps and Secrets. */
    private static final Pattern GENERATED_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    private ManifestRules() {
    }

    /** Only the gateway is reachable from outside: no NodePort/LoadBalancer, every Ingress backend is the gateway. */
    static List<String> onlyGatewayExposed(Rendered r) {
        List<String> v = new ArrayList<>();
        for (V1Service s : r.all(V1Service.class)) {
            String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
            if (!type.equals("ClusterIP")) {
                v.add("Service " + name(s) + " is of type " + type + "; only the Ingress to the gateway may expose anything");
            }
            if (s.getSpec().getExternalIPs() != null && !s.getSpec().getExternalIPs().isEmpty()) {
                v.add("Service " + name(s) + " has externalIPs");
            }
        }
        List<V1Ingress> ingresses = r.all(V1Ingress.class);
        if (ingresses.isEmpty()) {
            v.add("no Ingress routes to the gateway");
        }
        for (V1Ingress ingress : ingresses) {
            List<V1IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            for (V1IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().forEach(p -> backends.add(p.getBackend()));
                }
            }
            for (V1IngressBackend b : backends) {
                if (b.getService() == null || !PUBLIC_SERVICE.equals(b.getService().getName())) {
                    v.add("Ingress " + name(ingress) + " routes to " + (b.getService() == null ? "a resource backend"
                            : "Service " + b.getService().getName()) + "; only the gateway is public");
                }
            }
        }
        r.podTemplates().forEach((workload, t) -> {
            V1PodSpec spec = t.getSpec();
            if (Boolean.TRUE.equals(spec.getHostNetwork()) || Boolean.TRUE.equals(spec.getHostPID())
                    || Boolean.TRUE.equals(spec.getHostIPC())) {
                v.add(workload + " shares a host namespace");
            }
            containers(spec).forEach(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).forEach(p -> {
                if (p.getHostPort() != null) {
                    v.add(workload + "/" + c.getName() + " binds host port " + p.getHostPort());
                }
            }));
        });
        return v;
    }

    /** Every container has the three probes, on ports it declares; the services probe the Quarkus health paths. */
    static List<String> probes(Rendered r) {
        List<String> v = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> {
            for (V1Container c : containers(t.getSpec())) {
                String where = workload + "/" + c.getName();
                Map<String, V1Probe> probes = new java.util.LinkedHashMap<>();
                probes.put("started", c.getStartupProbe());
                probes.put("ready", c.getReadinessProbe());
                probes.put("live", c.getLivenessProbe());
                probes.forEach((kind, probe) -> {
                    if (probe == null) {
                        v.add(where + " has no " + switch (kind) {
                            case "started" -> "startupProbe";
                            case "ready" -> "readinessProbe";
                            default -> "livenessProbe";
                        });
                        return;
                    }
                    V1HTTPGetAction http = probe.getHttpGet();
                    if (SERVICES.containsKey(workload)) {
                        if (http == null || !("/q/health/" + kind).equals(http.getPath())) {
                            v.add(where + " must probe /q/health/" + kind);
                        }
                    }
                    IntOrString port = http != null ? http.getPort()
                            : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
                    if (port != null && findPort(c, port).isEmpty()) {
                        v.add(where + " probes port " + port + ", which it does not declare");
                    }
                });
            }
        });
        return v;
    }

    /** Requests and limits for CPU and memory on every container, requests not above limits; heap inside memory. */
    static List<String> resources(Rendered r) {
        List<String> v = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> {
            for (V1Container c : containers(t.getSpec())) {
                String where = workload + "/" + c.getName();
                Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
                for (String res : List.of("cpu", "memory")) {
                    Quantity request = requests == null ? null : requests.get(res);
                    Quantity limit = limits == null ? null : limits.get(res);
                    if (request == null) {
                        v.add(where + " has no " + res + " request");
                    }
                    if (limit == null) {
                        v.add(where + " has no " + res + " limit");
                    }
                    if (request != null && limit != null && request.getNumber().compareTo(limit.getNumber()) > 0) {
                        v.add(where + " requests more " + res + " than its limit");
                    }
                }
                Quantity memoryLimit = limits == null ? null : limits.get("memory");
                Optional<String> javaOpts = javaOptions(c);
                if (javaOpts.isPresent() && !javaOpts.get().contains("-XX:+ExitOnOutOfMemoryError")) {
                    v.add(where + " runs a JVM without -XX:+ExitOnOutOfMemoryError (a JVM out of heap must restart)");
                }
                Optional<BigDecimal> heap = maxHeap(javaOpts, memoryLimit);
                if (memoryLimit != null && heap.isPresent()
                        && heap.get().multiply(BigDecimal.valueOf(1.25)).compareTo(memoryLimit.getNumber()) > 0) {
                    v.add(where + " has a heap of " + heap.get() + " bytes but a memory limit of only "
                            + memoryLimit.toSuffixedString() + " (needs 25% above the heap)");
                }
            }
        });
        return v;
    }

    /** The "restricted" Pod Security Standard, plus a read-only root filesystem with a writable /tmp. */
    static List<String> securityContexts(Rendered r) {
        List<String> v = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> {
            V1PodSpec spec = t.getSpec();
            V1PodSecurityContext pod = spec.getSecurityContext();
            if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
                v.add(workload + " mounts a service account token it does not need");
            }
            for (V1Container c : containers(spec)) {
                String where = workload + "/" + c.getName();
                V1SecurityContext sc = c.getSecurityContext();
                boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
                Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
                if (!nonRoot || Long.valueOf(0).equals(uid)) {
                    v.add(where + " may run as root (runAsNonRoot)");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    v.add(where + " has a writable root filesystem");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    v.add(where + " allows privilege escalation");
                }
                if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                    v.add(where + " is privileged");
                }
                if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    v.add(where + " does not drop ALL capabilities");
                }
                if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                        && !sc.getCapabilities().getAdd().isEmpty()) {
                    v.add(where + " adds capabilities " + sc.getCapabilities().getAdd());
                }
                String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    v.add(where + " has no seccomp profile (RuntimeDefault)");
                }
                if (!mountsEmptyDir(spec, c, "/tmp")) {
                    v.add(where + " has no emptyDir at /tmp for its read-only root filesystem");
                }
            }
        });
        return v;
    }

    /**
     * Every Secret a pod or Ingress names exists in the render with the key asked for, or is one that
     * {@code externalSecrets} (documented, created outside kustomize) lists.
     */
    static List<String> secretReferences(Rendered r, Set<String> externalSecrets) {
        List<String> v = new ArrayList<>();
        Map<String, V1Secret> secrets = new java.util.HashMap<>();
        r.all(V1Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), s));
        r.podTemplates().forEach((workload, t) -> {
            for (V1Container c : containers(t.getSpec())) {
                for (V1EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) {
                        continue;
                    }
                    String secret = env.getValueFrom().getSecretKeyRef().getName();
                    String key = env.getValueFrom().getSecretKeyRef().getKey();
                    String where = workload + "/" + c.getName() + " env " + env.getName();
                    V1Secret defined = secrets.get(secret);
                    if (defined == null) {
                        if (!externalSecrets.contains(secret)) {
                            v.add(where + " reads Secret " + secret + ", which the overlay neither defines nor documents");
                        }
                    } else if (!secretKeys(defined).contains(key)) {
                        v.add(where + " reads key " + key + " of Secret " + secret + ", which has only " + secretKeys(defined));
                    }
                }
                Optional.ofNullable(c.getEnvFrom()).orElse(List.of()).forEach(from -> {
                    if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())
                            && !externalSecrets.contains(from.getSecretRef().getName())) {
                        v.add(workload + "/" + c.getName() + " envFrom names undefined Secret " + from.getSecretRef().getName());
                    }
                });
            }
            for (V1Volume volume : Optional.ofNullable(t.getSpec().getVolumes()).orElse(List.of())) {
                if (volume.getSecret() != null && !secrets.containsKey(volume.getSecret().getSecretName())
                        && !externalSecrets.contains(volume.getSecret().getSecretName())) {
                    v.add(workload + " mounts undefined Secret " + volume.getSecret().getSecretName());
                }
            }
        });
        for (V1Ingress ingress : r.all(V1Ingress.class)) {
            for (V1IngressTLS tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
                String secret = tls.getSecretName();
                if (secret != null && !secrets.containsKey(secret) && !externalSecrets.contains(secret)) {
                    v.add("Ingress " + name(ingress) + " names TLS Secret " + secret + ", which is neither defined nor documented");
                }
            }
        }
        return v;
    }

    /** Secret names as written in the manifests (the hash suffix of generated ones removed). */
    static Set<String> referencedSecretBaseNames(Rendered r) {
        Set<String> generated = new java.util.HashSet<>();
        r.all(V1Secret.class).forEach(s -> generated.add(s.getMetadata().getName()));
        Set<String> names = new LinkedHashSet<>();
        r.podTemplates().values().forEach(t -> containers(t.getSpec()).forEach(c ->
                Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(env -> {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        names.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                })));
        r.all(V1Ingress.class).forEach(i -> Optional.ofNullable(i.getSpec().getTls()).orElse(List.of())
                .forEach(tls -> names.add(tls.getSecretName())));
        Set<String> base = new LinkedHashSet<>();
        for (String n : names) {
            base.add(generated.contains(n) ? GENERATED_SUFFIX.matcher(n).replaceFirst("") : n);
        }
        return base;
    }

    /**
     * The three service images: named newsgraph/&lt;service&gt; under one registry, one shared explicit tag, the
     * container named for its workload; no image anywhere without an explicit tag or with "latest".
     */
    static List<String> images(Rendered r) {
        List<String> v = new ArrayList<>();
        Set<String> serviceTags = new LinkedHashSet<>();
        Set<String> registries = new LinkedHashSet<>();
        r.podTemplates().forEach((workload, t) -> {
            for (V1Container c : containers(t.getSpec())) {
                String image = c.getImage();
                int slash = image.lastIndexOf('/');
                int colon = image.lastIndexOf(':');
                boolean digest = image.contains("@sha256:");
                String tag = colon > slash ? image.substring(colon + 1) : null;
                if (!digest && (tag == null || tag.equals("latest"))) {
                    v.add(workload + "/" + c.getName() + " image " + image + " has no fixed tag");
                }
                if (SERVICES.containsKey(workload)) {
                    String repository = colon > slash ? image.substring(0, colon) : image;
                    String expected = "newsgraph/" + workload;
                    if (!repository.equals(expected) && !repository.endsWith("/" + expected)) {
                        v.add(workload + " runs image " + image + "; expected " + expected);
                    } else {
                        registries.add(repository.substring(0, repository.length() - expected.length()));
                    }
                    if (!workload.equals(c.getName())) {
                        v.add(workload + " names its container " + c.getName());
                    }
                    serviceTags.add(String.valueOf(tag));
                }
            }
        });
        if (serviceTags.size() > 1) {
            v.add("the service images carry different tags " + serviceTags + "; release them together");
        }
        if (registries.size() > 1) {
            v.add("the service images come from different registries " + registries);
        }
        return v;
    }

    /** Every pod is isolated both ways by a policy, and named by at least one policy of its own. */
    static List<String> networkPolicyCoverage(Rendered r, String namespace) {
        List<String> v = new ArrayList<>();
        List<V1NetworkPolicy> policies = r.all(V1NetworkPolicy.class);
        Reachability reach = new Reachability(namespace, policies);
        r.podTemplates().forEach((workload, t) -> {
            Reachability.Endpoint pod = Reachability.podOf(workload, t, namespace);
            if (!reach.isolatedForIngress(pod)) {
                v.add(workload + " accepts any connection: no NetworkPolicy isolates its ingress");
            }
            if (!reach.isolatedForEgress(pod)) {
                v.add(workload + " may connect anywhere: no NetworkPolicy isolates its egress");
            }
            boolean ownPolicy = policies.stream().anyMatch(p -> !Selectors.isEmpty(p.getSpec().getPodSelector())
                    && Selectors.matches(p.getSpec().getPodSelector(), t.getMetadata().getLabels())
                    && p.getSpec().getPodSelector().getMatchLabels() != null
                    && workload.equals(p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")));
            if (!ownPolicy) {
                v.add(workload + " has no NetworkPolicy of its own");
            }
        });
        return v;
    }

    /**
     * Names resolve: workload selectors match their templates, each Service selects exactly one workload on a port it
     * declares, PDBs and the HPA point at real workloads, volumes and service accounts exist.
     */
    static List<String> references(Rendered r) {
        List<String> v = new ArrayList<>();
        Map<String, V1PodTemplateSpec> templates = r.podTemplates();
        for (V1Deployment d : r.all(V1Deployment.class)) {
            if (!Selectors.matches(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())) {
                v.add("Deployment " + name(d) + " selector does not match its pod template");
            }
        }
        for (V1StatefulSet s : r.all(V1StatefulSet.class)) {
            if (!Selectors.matches(s.getSpec().getSelector(), s.getSpec().getTemplate().getMetadata().getLabels())) {
                v.add("StatefulSet " + name(s) + " selector does not match its pod template");
            }
            if (r.named(V1Service.class, s.getSpec().getServiceName()).isEmpty()) {
                v.add("StatefulSet " + name(s) + " names Service " + s.getSpec().getServiceName() + ", which does not exist");
            }
        }
        for (V1Service s : r.all(V1Service.class)) {
            List<String> selected = templates.entrySet().stream()
                    .filter(e -> Selectors.matches(s.getSpec().getSelector(), e.getValue().getMetadata().getLabels()))
                    .map(Map.Entry::getKey).toList();
            if (selected.size() != 1) {
                v.add("Service " + name(s) + " selects " + selected + "; expected exactly one workload");
                continue;
            }
            V1PodTemplateSpec target = templates.get(selected.get(0));
            for (V1ServicePort port : s.getSpec().getPorts()) {
                IntOrString targetPort = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                boolean found = containers(target.getSpec()).stream().anyMatch(c -> findPort(c, targetPort).isPresent());
                if (!found) {
                    v.add("Service " + name(s) + " targets port " + targetPort + ", which " + selected.get(0) + " does not declare");
                }
            }
        }
        for (V1PodDisruptionBudget pdb : r.all(V1PodDisruptionBudget.class)) {
            long n = templates.values().stream()
                    .filter(t -> Selectors.matches(pdb.getSpec().getSelector(), t.getMetadata().getLabels())).count();
            if (n != 1) {
                v.add("PodDisruptionBudget " + name(pdb) + " covers " + n + " workloads; expected one");
            }
        }
        for (V1Deployment d : r.all(V1Deployment.class)) {
            boolean covered = r.all(V1PodDisruptionBudget.class).stream()
                    .anyMatch(p -> Selectors.matches(p.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()));
            if (!covered) {
                v.add("Deployment " + name(d) + " has no PodDisruptionBudget");
            }
        }
        for (V2HorizontalPodAutoscaler hpa : r.all(V2HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            Optional<V1Deployment> scaled = r.named(V1Deployment.class, target);
            if (!"Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind()) || scaled.isEmpty()) {
                v.add("HorizontalPodAutoscaler " + name(hpa) + " scales " + target + ", which is no Deployment here");
            } else if (scaled.get().getSpec().getReplicas() != null) {
                v.add("Deployment " + target + " sets replicas although HorizontalPodAutoscaler " + name(hpa)
                        + " owns the count: every apply would reset it");
            }
        }
        templates.forEach((workload, t) -> {
            String sa = t.getSpec().getServiceAccountName();
            if (sa != null && r.named(V1ServiceAccount.class, sa).isEmpty()) {
                v.add(workload + " runs as ServiceAccount " + sa + ", which does not exist");
            }
            for (V1Volume volume : Optional.ofNullable(t.getSpec().getVolumes()).orElse(List.of())) {
                if (volume.getConfigMap() != null && r.named(V1ConfigMap.class, volume.getConfigMap().getName()).isEmpty()) {
                    v.add(workload + " mounts ConfigMap " + volume.getConfigMap().getName() + ", which does not exist");
                }
            }
        });
        return v;
    }

    /** The services announce their Prometheus endpoint on the port they serve. */
    static List<String> metricsAnnotations(Rendered r) {
        List<String> v = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> {
            if (!SERVICES.containsKey(workload)) {
                return;
            }
            Map<String, String> a = Optional.ofNullable(t.getMetadata().getAnnotations()).orElse(Map.of());
            String port = String.valueOf(SERVICES.get(workload));
            if (!"true".equals(a.get("prometheus.io/scrape")) || !"/q/metrics".equals(a.get("prometheus.io/path"))
                    || !port.equals(a.get("prometheus.io/port"))) {
                v.add(workload + " lacks prometheus.io annotations for /q/metrics on port " + port);
            }
            boolean serves = containers(t.getSpec()).stream().anyMatch(c -> Optional.ofNullable(c.getPorts()).orElse(List.of())
                    .stream().anyMatch(p -> SERVICES.get(workload).equals(p.getContainerPort()) && "http".equals(p.getName())));
            if (!serves) {
                v.add(workload + " does not declare its port " + port + " as \"http\"");
            }
        });
        return v;
    }

    /**
     * Every address a service is configured with (environment variables ending in _URL, the supergraph's subgraph
     * routing URLs) names a Service of the render on a port it exposes.
     */
    static List<String> wiring(Rendered r) {
        List<String> v = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> containers(t.getSpec()).forEach(c ->
                Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(env -> {
                    if (env.getName().endsWith("_URL") && env.getValue() != null) {
                        checkAddress(r, workload + " " + env.getName(), env.getValue(), v);
                    }
                })));
        for (V1ConfigMap cm : r.all(V1ConfigMap.class)) {
            Optional.ofNullable(cm.getData()).orElse(Map.of()).forEach((key, value) -> {
                Matcher m = JOIN_GRAPH_URL.matcher(value);
                while (m.find()) {
                    checkAddress(r, "ConfigMap " + name(cm) + " subgraph " + m.group(1), m.group(2), v);
                }
            });
        }
        return v;
    }

    /** The gateway reads a supergraph from a mounted ConfigMap, at the path its setting names. */
    static List<String> gatewaySupergraph(Rendered r, String settingName) {
        List<String> v = new ArrayList<>();
        V1PodTemplateSpec t = r.podTemplates().get(PUBLIC_SERVICE);
        if (t == null) {
            return List.of("no gateway workload");
        }
        V1Container c = t.getSpec().getContainers().get(0);
        String path = Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .filter(e -> settingName.equals(e.getName())).map(V1EnvVar::getValue).findFirst().orElse(null);
        if (path == null) {
            return List.of("the gateway has no " + settingName);
        }
        boolean found = false;
        for (V1VolumeMount mount : Optional.ofNullable(c.getVolumeMounts()).orElse(List.of())) {
            if (!path.startsWith(mount.getMountPath() + "/")) {
                continue;
            }
            String file = path.substring(mount.getMountPath().length() + 1);
            V1Volume volume = volume(t.getSpec(), mount.getName());
            if (volume == null || volume.getConfigMap() == null) {
                continue;
            }
            Optional<V1ConfigMap> cm = r.named(V1ConfigMap.class, volume.getConfigMap().getName());
            if (cm.isPresent() && cm.get().getData() != null && cm.get().getData().containsKey(file)
                    && cm.get().getData().get(file).contains("@join__graph")) {
                found = true;
            }
        }
        if (!found) {
            v.add("the gateway's " + settingName + "=" + path + " is no supergraph file of a mounted ConfigMap");
        }
        return v;
    }

    private static void checkAddress(Rendered r, String where, String address, List<String> v) {
        String url = address.startsWith("jdbc:") ? address.substring("jdbc:".length()) : address;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            v.add(where + " is not a URL: " + address);
            return;
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Optional<V1Service> service = r.named(V1Service.class, host);
        if (service.isEmpty()) {
            v.add(where + " points at " + host + ", which is no Service of this deployment");
        } else if (service.get().getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
            v.add(where + " points at port " + port + " of Service " + host + ", which does not expose it");
        }
    }

    static List<V1Container> containers(V1PodSpec spec) {
        List<V1Container> all = new ArrayList<>(spec.getContainers());
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        return all;
    }

    private static Optional<V1ContainerPort> findPort(V1Container c, IntOrString port) {
        return Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .filter(p -> port.isInteger() ? p.getContainerPort().equals(port.getIntValue()) : port.getStrValue().equals(p.getName()))
                .findFirst();
    }

    private static boolean mountsEmptyDir(V1PodSpec spec, V1Container c, String path) {
        return Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> path.equals(m.getMountPath()) && !Boolean.TRUE.equals(m.getReadOnly()))
                .map(m -> volume(spec, m.getName()))
                .anyMatch(vol -> vol != null && vol.getEmptyDir() != null);
    }

    private static V1Volume volume(V1PodSpec spec, String name) {
        return Optional.ofNullable(spec.getVolumes()).orElse(List.of()).stream()
                .filter(vol -> name.equals(vol.getName())).findFirst().orElse(null);
    }

    private static Set<String> secretKeys(V1Secret s) {
        Set<String> keys = new LinkedHashSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    /** The JVM options the image's entry point reads, when the manifest sets them. */
    private static Optional<String> javaOptions(V1Container c) {
        for (V1EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (env.getValue() != null && List.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS").contains(env.getName())) {
                return Optional.of(env.getValue());
            }
        }
        return Optional.empty();
    }

    /** The heap the JVM will take: -Xmx, else -XX:MaxRAMPercentage of the memory limit (the container's RAM). */
    private static Optional<BigDecimal> maxHeap(Optional<String> javaOpts, Quantity memoryLimit) {
        if (javaOpts.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = XMX.matcher(javaOpts.get());
        if (m.find()) {
            long unit = switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            return Optional.of(BigDecimal.valueOf(Long.parseLong(m.group(1)) * unit));
        }
        Matcher pct = MAX_RAM_PERCENTAGE.matcher(javaOpts.get());
        if (pct.find() && memoryLimit != null) {
            return Optional.of(memoryLimit.getNumber().multiply(new BigDecimal(pct.group(1))).movePointLeft(2)
                    .setScale(0, java.math.RoundingMode.DOWN));
        }
        return Optional.empty();
    }

    private static String name(KubernetesObject o) {
        return o.getMetadata().getName();
    }
}
