package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ci overlay (the CI cluster stage, a Kubernetes 1.20 without a registry) is the dev overlay with exactly three
 * kinds of change: PodDisruptionBudgets as policy/v1beta1, no image pulls, and the locally built PostgreSQL image.
 * Everything else the stage proves on the cluster is therefore true of dev as the other tests check it.
 */
class CiOverlayTest {

    private static final String LOCAL_POSTGRES = "localhost/newsgraph/postgres:15-bookworm";

    @Test
    void ciIsDevWithOnlyTheDocumentedChanges() {
        List<String> rendered = Overlays.renderSharingSecrets("dev", "dev", "ci");
        List<Map<String, Object>> dev = ApiModel.parseYaml(rendered.get(0));
        List<Map<String, Object>> ci = ApiModel.parseYaml(rendered.get(1));
        String devPostgres = postgresImage(dev);
        assertFalse(devPostgres.isEmpty(), "dev runs PostgreSQL");

        int pdbs = 0, pullPolicies = 0, postgres = 0;
        List<Map<String, Object>> undone = new ArrayList<>();
        for (Map<String, Object> o : ci) {
            if ("PodDisruptionBudget".equals(o.get("kind"))) {
                assertEquals("policy/v1beta1", o.get("apiVersion"));
                o.put("apiVersion", "policy/v1");
                pdbs++;
            }
            for (Map<String, Object> c : containers(o)) {
                assertEquals("Never", c.get("imagePullPolicy"), "container " + c.get("name"));
                c.put("imagePullPolicy", devPullPolicy(dev, (String) c.get("name")));
                pullPolicies++;
                if (LOCAL_POSTGRES.equals(c.get("image"))) {
                    c.put("image", devPostgres);
                    postgres++;
                }
            }
            undone.add(o);
        }
        assertEquals(3, pdbs, "PodDisruptionBudgets");
        assertEquals(5, pullPolicies, "containers");
        assertEquals(2, postgres, "databases on the local PostgreSQL image");
        assertEquals(dev, undone, "ci, its three changes undone, equals dev");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> object) {
        Object kind = object.get("kind");
        if (!"Deployment".equals(kind) && !"StatefulSet".equals(kind)) {
            return List.of();
        }
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    private static String postgresImage(List<Map<String, Object>> objects) {
        return objects.stream().flatMap(o -> containers(o).stream()).map(c -> (String) c.get("image"))
                .filter(i -> i.contains("postgres")).findFirst().orElse("");
    }

    private static Object devPullPolicy(List<Map<String, Object>> dev, String container) {
        return dev.stream().flatMap(o -> containers(o).stream()).filter(c -> container.equals(c.get("name")))
                .findFirst().orElseThrow().get("imagePullPolicy");
    }
}
