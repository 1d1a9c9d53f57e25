package io.newsgraph.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The contract check fails on each kind of disagreement it is there to catch, and passes on agreement. */
class OpenApiContractTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface Protected {
    }

    @Path("/things")
    static class Things {
        @GET
        @Path("/{id}")
        public String get(@PathParam("id") String id) {
            return id;
        }

        @POST
        @Protected
        public String create(String body) {
            return body;
        }
    }

    private static final String ERR = "{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Err\"}}}}";
    private static final String OK = "{\"content\":{\"application/json\":{\"schema\":{\"type\":\"string\"}}}}";

    private HttpServer server;

    private String serve(String document, int getStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/q/openapi") ? 200 : exchange.getRequestMethod().equals("GET") ? getStatus : 401;
            byte[] body = (path.equals("/q/openapi") ? document : "{\"code\":\"X\",\"message\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String document(String getResponses, boolean withPost) {
        String post = "\"post\":{\"security\":[{\"bearer\":[]}],\"requestBody\":{\"content\":{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}},"
                + "\"responses\":{\"200\":" + OK + ",\"400\":" + ERR + ",\"401\":" + ERR + ",\"403\":" + ERR + ",\"413\":" + ERR
                + ",\"500\":" + ERR + ",\"503\":" + ERR + "}}";
        return "{\"paths\":{\"/things/{id}\":{\"get\":{\"responses\":" + getResponses + "}}"
                + (withPost ? ",\"/things\":{" + post + "}" : "") + "},"
                + "\"components\":{\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}}}";
    }

    private static final String GET_RESPONSES = "{\"200\":" + OK + ",\"404\":" + ERR + ",\"500\":" + ERR + ",\"503\":" + ERR + "}";

    private OpenApiContract contract(String base) {
        return new OpenApiContract(base, "Err", "bearer", e -> e.isAnnotationPresent(Protected.class), Things.class);
    }

    @Test
    void agreementPasses() throws IOException {
        contract(serve(document(GET_RESPONSES, true), 404)).check();
    }

    @Test
    void anEndpointMissingFromTheDocumentFails() throws IOException {
        AssertionError e = assertThrows(AssertionError.class, () -> contract(serve(document(GET_RESPONSES, false), 404)).check());
        assertTrue(e.getMessage().contains("operations"), e.getMessage());
    }

    @Test
    void anUndocumentedNotFoundFails() throws IOException {
        String without404 = "{\"200\":" + OK + ",\"500\":" + ERR + ",\"503\":" + ERR + "}";
        AssertionError e = assertThrows(AssertionError.class, () -> contract(serve(document(without404, true), 404)).check());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void anErrorNotDescribedAsTheErrorBodyFails() throws IOException {
        String plain404 = "{\"200\":" + OK + ",\"404\":" + OK + ",\"500\":" + ERR + ",\"503\":" + ERR + "}";
        AssertionError e = assertThrows(AssertionError.class, () -> contract(serve(document(plain404, true), 404)).check());
        assertTrue(e.getMessage().contains("Err"), e.getMessage());
    }

    @Test
    void aStatusTheEndpointAnswersButDoesNotDocumentFails() throws IOException {
        AssertionError e = assertThrows(AssertionError.class, () -> contract(serve(document(GET_RESPONSES, true), 418)).check());
        assertTrue(e.getMessage().contains("answered 418"), e.getMessage());
    }
}
