package io.newsgraph.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Holds a service's OpenAPI document to its JAX-RS resources: the same operations (method and path) on both sides,
 * and for each operation the answers it can give documented, found from what the resource method declares (a path
 * parameter can name nothing: 404, where the service looks the resource up; a body or query parameters can be wrong: 400, a body too large: 413; a protected method:
 * 401, 403 and the bearer requirement; any operation: 500, 503), every error answer described as the service's error
 * body. Then each operation is called for real, without credentials or body, and its status must be one it documents.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String baseUrl;
    private final String errorSchema;
    private final String securityScheme;
    private final Predicate<AnnotatedElement> secured;
    private final List<Class<?>> resources;
    private boolean notFoundOnPathParameters = true;

    /**
     * @param baseUrl        the running service, e.g. {@code http://127.0.0.1:8081}
     * @param errorSchema    the component schema every error answer has (e.g. {@code ErrorBody})
     * @param securityScheme the name of the bearer scheme protected operations require
     * @param secured        whether a resource method or class is protected
     * @param resources      every JAX-RS resource class of the service
     */
    public OpenApiContract(String baseUrl, String errorSchema, String securityScheme, Predicate<AnnotatedElement> secured,
            Class<?>... resources) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.errorSchema = errorSchema;
        this.securityScheme = securityScheme;
        this.secured = secured;
        this.resources = List.of(resources);
    }

    /** For services whose path parameters name what the request creates or removes idempotently: no 404 expected. */
    public OpenApiContract pathParametersNeverMiss() {
        notFoundOnPathParameters = false;
        return this;
    }

    /** The document as the service serves it. */
    public JsonNode document() {
        HttpResponse<String> r = send("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"));
        assertEquals(200, r.statusCode(), "GET /q/openapi");
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
    }

    public void check() {
        JsonNode doc = document();
        Map<String, List<Method>> endpoints = endpoints();
        Map<String, JsonNode> operations = operations(doc);
        assertEquals(endpoints.keySet(), operations.keySet(), "the document's operations are the resources' endpoints");

        JsonNode scheme = doc.at("/components/securitySchemes/" + securityScheme);
        assertEquals("http", scheme.path("type").asText(), "bearer scheme: " + scheme);
        assertEquals("bearer", scheme.path("scheme").asText(), "bearer scheme: " + scheme);
        assertEquals("JWT", scheme.path("bearerFormat").asText(), "bearer scheme: " + scheme);

        for (Map.Entry<String, List<Method>> e : endpoints.entrySet()) {
            String key = e.getKey();
            JsonNode op = operations.get(key);
            Map<String, JsonNode> responses = responses(doc, op);
            Set<String> expected = expectedCodes(key, e.getValue());
            assertTrue(responses.keySet().containsAll(expected), key + " documents " + expected + "; it has " + responses.keySet());
            assertTrue(responses.keySet().stream().anyMatch(c -> c.startsWith("2")), key + " documents a success");
            for (Map.Entry<String, JsonNode> r : responses.entrySet()) {
                int code = Integer.parseInt(r.getKey());
                JsonNode content = r.getValue().path("content");
                if (code >= 400) {
                    String ref = content.at("/application~1json/schema/$ref").asText();
                    assertTrue(ref.endsWith("/" + errorSchema), key + " " + code + " is an " + errorSchema + ": " + r.getValue());
                } else if (code != 204) {
                    assertFalse(content.isEmpty(), key + " " + code + " describes its body");
                    content.forEach(c -> assertFalse(c.path("schema").isMissingNode(), key + " " + code + " has a schema: " + c));
                }
            }
            boolean protectedOp = e.getValue().stream().anyMatch(this::isSecured);
            boolean requiresBearer = false;
            for (JsonNode req : op.path("security")) {
                requiresBearer |= req.has(securityScheme);
            }
            assertEquals(protectedOp, requiresBearer, key + " requires the bearer token exactly when it is protected");
            if (e.getValue().stream().anyMatch(OpenApiContract::hasBody)) {
                JsonNode body = op.at("/requestBody/content");
                assertFalse(body.isEmpty(), key + " describes its request body");
                body.forEach(c -> assertFalse(c.path("schema").isMissingNode(), key + " request body has a schema: " + c));
            }
        }

        // Called for real: what each operation answers without credentials or body is one of its documented answers.
        for (Map.Entry<String, JsonNode> e : operations.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpResponse<String> r = send(method, path, Map.of("Content-Type", "application/json"));
            Set<String> documented = responses(doc, e.getValue()).keySet();
            assertTrue(documented.contains(Integer.toString(r.statusCode())),
                    e.getKey() + " answered " + r.statusCode() + ", documented " + documented + ": " + r.body());
        }
    }

    private Set<String> expectedCodes(String key, List<Method> methods) {
        Set<String> codes = new LinkedHashSet<>(List.of("500", "503"));
        if (notFoundOnPathParameters && key.contains("{")) {
            codes.add("404");
        }
        for (Method m : methods) {
            if (isSecured(m)) {
                codes.add("401");
                codes.add("403");
            }
            if (hasBody(m)) {
                codes.add("400");
                codes.add("413");
            }
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(QueryParam.class)) {
                    codes.add("400");
                }
            }
        }
        return codes;
    }

    private boolean isSecured(Method m) {
        return secured.test(m) || secured.test(m.getDeclaringClass());
    }

    /** A parameter with no JAX-RS annotation is the request body. */
    private static boolean hasBody(Method m) {
        for (Parameter p : m.getParameters()) {
            if (p.getAnnotations().length == 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code "POST /articles/{id}"} to the resource methods that serve it. */
    private Map<String, List<Method>> endpoints() {
        Map<String, List<Method>> out = new TreeMap<>();
        for (Class<?> c : resources) {
            String base = c.isAnnotationPresent(Path.class) ? c.getAnnotation(Path.class).value() : "";
            for (Method m : c.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
                String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                out.computeIfAbsent(http + " " + path, k -> new ArrayList<>()).add(m);
            }
        }
        assertFalse(out.isEmpty(), "no endpoints found in " + resources);
        return out;
    }

    private static String httpMethod(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String m : METHODS) {
                if (p.getValue().has(m)) {
                    out.put(m.toUpperCase() + " " + p.getKey(), p.getValue().get(m));
                }
            }
        }
        return out;
    }

    /** The operation's answers by status, references to {@code components/responses} resolved. */
    private static Map<String, JsonNode> responses(JsonNode doc, JsonNode op) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode v = r.getValue();
            if (v.has("$ref")) {
                String ref = v.get("$ref").asText();
                assertTrue(ref.startsWith("#/components/responses/"), "a response reference: " + ref);
                v = doc.at("/components/responses/" + ref.substring("#/components/responses/".length()));
                assertNotNull(v, ref);
                assertFalse(v.isMissingNode(), "the referenced response exists: " + ref);
            }
            out.put(r.getKey(), v);
        }
        return out;
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
