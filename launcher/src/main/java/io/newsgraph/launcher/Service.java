package io.newsgraph.launcher;

/** The three processes of the suite, with the module that builds each and its default port. */
public enum Service {
    ARTICLES("articles-service", 8081, "-Xmx512m"),
    ENTITIES("entities-service", 8082, "-Xmx2g"),
    GATEWAY("gateway", 8080, "-Xmx512m");

    private final String module;
    private final int defaultPort;
    private final String defaultJavaOptions;

    Service(String module, int defaultPort, String defaultJavaOptions) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultJavaOptions = defaultJavaOptions;
    }

    /** The Maven module, also the service's name in logs and messages. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Heap bounds: the NER models of entities-service need about 1.5 GB once loaded, the others far less. */
    public String defaultJavaOptions() {
        return defaultJavaOptions;
    }

    /** The part of this service's launcher settings names, as in {@code NEWSGRAPH_RUN_ENTITIES_PORT}. */
    String settingName() {
        return name();
    }
}
