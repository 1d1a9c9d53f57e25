package io.newsgraph.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings each service is started with, as environment variables. The names are the services' own (their
 * {@code application.properties} and {@code @ConfigMapping} interfaces); this is the one place the launcher knows them.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(Service service, SuiteConfig config, LocalKeys keys, Database articlesDb, Database entitiesDb,
            Path supergraph) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(service)));
        env.put("QUARKUS_HTTP_HOST", config.host());
        // every service verifies client tokens against the local issuer, as it would against an identity provider
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.issuerPublicKey().toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", LocalKeys.AUDIENCE);
        if (service != Service.GATEWAY) {
            // The REST APIs' Swagger UI (/q/swagger-ui), off in a production deployment.
            env.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        }
        switch (service) {
            case ARTICLES -> {
                datasource(env, articlesDb);
                env.put("NEWSGRAPH_ARTICLES_ENTITIES_BASE_URL", config.baseUrl(Service.ENTITIES));
                env.put("NEWSGRAPH_ARTICLES_RELAY_SIGNING_KEY", keys.relayPrivateKeyPem());
            }
            case ENTITIES -> {
                datasource(env, entitiesDb);
                env.put("NEWSGRAPH_ENTITIES_RELAY_KEY", keys.relayPublicKeyPem());
            }
            case GATEWAY -> {
                env.put("NEWSGRAPH_GATEWAY_SUPERGRAPH", supergraph.toString());
                // The GraphiQL page the gateway serves is the one browser origin of a local run.
                env.put("QUARKUS_HTTP_CORS_ORIGINS", config.baseUrl(Service.GATEWAY));
            }
        }
        return env;
    }

    private static void datasource(Map<String, String> env, Database db) {
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
    }
}
