package io.newsgraph.entities.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.location.ArticleLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The jsonb columns of {@code entity} (aliases, roles) and {@code extraction} (layout) to and from Java. */
@ApplicationScoped
public class JsonColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Role>> ROLES = new TypeReference<>() { };
    private static final TypeReference<ArticleLayout> LAYOUT = new TypeReference<>() { };

    @Inject
    ObjectMapper json;

    public List<String> aliases(String column) {
        return read(column, STRINGS);
    }

    public List<Role> roles(String column) {
        return read(column, ROLES);
    }

    public ArticleLayout layout(String column) {
        return column == null ? ArticleLayout.NONE : read(column, LAYOUT);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String column, TypeReference<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
