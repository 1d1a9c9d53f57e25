package io.newsgraph.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Strict validation against the Kubernetes API model of {@code io.kubernetes:client-java-api}: an unknown field
 * anywhere in an object (a misspelt {@code imagePullPolicyy}), a missing required field or a value of the wrong
 * type is an error, as the API server would reject it. Only the kinds newsgraph deploys are accepted.
 */
final class ApiModel {

    /** apiVersion/kind to the generated model class. */
    static final Map<String, Class<? extends KubernetesObject>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class));

    private static final Gson GSON = JSON.getGson();

    private ApiModel() {
    }

    /** Parses multi-document YAML into plain maps, skipping empty documents. */
    static List<Map<String, Object>> parseYaml(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : parser.loadAll(yaml)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("a YAML document is not an object: " + document);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                documents.add(object);
            }
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /**
     * Validates one object strictly and returns it as its typed model.
     *
     * @throws IllegalArgumentException naming the object and the offending field
     */
    static KubernetesObject validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        String label = kind + " " + nameOf(object);
        Class<? extends KubernetesObject> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new IllegalArgumentException(label + ": " + apiVersion + "/" + kind + " is not a kind newsgraph deploys");
        }
        JsonElement json = GSON.toJsonTree(object);
        try {
            Method validate = type.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            return GSON.fromJson(json, type);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(label + ": " + e.getCause().getMessage(), e.getCause());
        } catch (RuntimeException e) {
            // Gson reports wrong value types (a string where a number belongs) this way.
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("model class " + type.getName() + " has no validateJsonElement", e);
        }
    }

    private static String nameOf(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "(unnamed)";
    }
}
