package io.newsgraph.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Role;

import java.util.List;

/** The JSON shape of extraction results on {@code /extract} and {@code /extract/batch}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractedView(String engine, Long tookMillis, List<EntityView> entities) {

    /** One entity with its mentions; offsets are Java {@code String} indices into the text sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityView(String type, String name, String normalized, String countryCode, List<String> aliases,
                             List<Role> roles, double salience, List<MentionView> mentions) {
    }

    /** {@code part} is set for a mention in a quoted post or the sources list (not counted towards salience). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MentionView(int start, int end, String text, String part) {
    }

    public static ExtractedView of(ExtractionResult result) {
        return new ExtractedView(result.engine(), result.tookMillis(), entities(result));
    }

    public static List<EntityView> entities(ExtractionResult result) {
        return result.entities().stream().map(ExtractedView::entity).toList();
    }

    private static EntityView entity(ExtractedEntity e) {
        List<MentionView> mentions = e.mentions() == null ? List.of()
                : e.mentions().stream().map(m -> new MentionView(m.start(), m.end(), m.text(),
                        m.part() == null ? null : m.part().name())).toList();
        return new EntityView(e.type().name(), e.name(), e.normalized(), e.countryCode(),
                e.aliases() == null ? List.of() : e.aliases(), e.roles() == null ? List.of() : e.roles(),
                e.salience(), mentions);
    }
}
