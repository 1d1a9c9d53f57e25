package io.newsgraph.entities.support;

import java.util.Map;

/**
 * {@link ScriptedPipelineProfile} in a database of its own, with every SQL statement of the graph's write side
 * ({@code GraphSql}) and of Hibernate logged at DEBUG, for {@link SqlCapture} to collect (the console stays at INFO).
 */
public class SqlCaptureProfile extends ScriptedPipelineProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> out = new java.util.HashMap<>(super.getConfigOverrides());
        out.put("quarkus.hibernate-orm.log.sql", "true");
        out.put("quarkus.hibernate-orm.log.format-sql", "false");
        out.put("quarkus.log.category.\"org.hibernate.SQL\".level", "DEBUG");
        out.put("quarkus.log.category.\"io.newsgraph.entities.persistence.GraphSql\".level", "DEBUG");
        out.put("quarkus.log.console.level", "INFO");
        return out;
    }
}
