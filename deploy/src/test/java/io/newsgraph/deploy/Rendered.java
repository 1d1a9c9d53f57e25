package io.newsgraph.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects of one rendered overlay, strictly validated and typed. */
final class Rendered {

    private final List<KubernetesObject> objects;

    private Rendered(List<KubernetesObject> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Validates every document of a rendered YAML stream against the API model.
     *
     * @throws IllegalArgumentException listing every object that fails
     */
    static Rendered fromYaml(String yaml) {
        List<KubernetesObject> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> document : ApiModel.parseYaml(yaml)) {
            try {
                objects.add(ApiModel.validate(document));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid objects:\n  " + String.join("\n  ", errors));
        }
        return new Rendered(objects);
    }

    List<KubernetesObject> all() {
        return objects;
    }

    <T extends KubernetesObject> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends KubernetesObject> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Workload name to its pod template, for every Deployment and StatefulSet. */
    Map<String, V1PodTemplateSpec> podTemplates() {
        Map<String, V1PodTemplateSpec> templates = new LinkedHashMap<>();
        for (V1Deployment d : all(V1Deployment.class)) {
            templates.put(d.getMetadata().getName(), d.getSpec().getTemplate());
        }
        for (V1StatefulSet s : all(V1StatefulSet.class)) {
            templates.put(s.getMetadata().getName(), s.getSpec().getTemplate());
        }
        return templates;
    }
}
