package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Where an entity is mentioned. */
@Name("Mention")
@Description("One mention: offsets are UTF-16 indices (JavaScript and Java string indices) into the field's text.")
public class MentionNode {

    /** The texts a mention's offsets can point into. */
    @Name("MentionField")
    public enum Field {
        TITLE, BODY
    }

    @NonNull
    @Description("Which text the offsets point into.")
    public Field field;

    @Description("Inclusive start.")
    public int start;

    @Description("Exclusive end.")
    public int end;

    @NonNull
    public String text;
}
