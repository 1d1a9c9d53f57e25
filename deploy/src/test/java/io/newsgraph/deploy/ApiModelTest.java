package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1Deployment;
import org.junit.jupiter.api.Test;

/** The strict model check rejects what the API server would reject, and accepts a correct object. */
class ApiModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                  - name: demo
                    image: demo:1
                    imagePullPolicy: IfNotPresent
                    ports:
                    - containerPort: 8080
            """;

    @Test
    void acceptsAValidObject() {
        Rendered r = Rendered.fromYaml(DEPLOYMENT);
        V1Deployment d = r.named(V1Deployment.class, "demo").orElseThrow();
        assertEquals(8080, d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort());
    }

    @Test
    void rejectsAMisspeltFieldDeepInside() {
        String broken = DEPLOYMENT.replace("imagePullPolicy:", "imagePullPolicyy:");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rendered.fromYaml(broken));
        assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
        assertTrue(e.getMessage().contains("Deployment demo"), e.getMessage());
    }

    @Test
    void rejectsAMisspeltTopLevelField() {
        String broken = DEPLOYMENT.replace("spec:\n  selector:", "specs:\n  selector:");
        assertThrows(IllegalArgumentException.class, () -> Rendered.fromYaml(broken));
    }

    @Test
    void rejectsAMissingRequiredField() {
        String broken = DEPLOYMENT.replace("- name: demo\n        image:", "- image:");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rendered.fromYaml(broken));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        String broken = DEPLOYMENT.replace("containerPort: 8080", "containerPort: [8080]");
        assertThrows(IllegalArgumentException.class, () -> Rendered.fromYaml(broken));
    }

    @Test
    void rejectsAKindNewsgraphDoesNotDeploy() {
        String broken = DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: extensions/v1beta1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rendered.fromYaml(broken));
        assertTrue(e.getMessage().contains("extensions/v1beta1"), e.getMessage());
    }
}
