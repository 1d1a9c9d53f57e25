package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Where an entity is mentioned. */
@Name("Mention")
@Description("One mention: offsets are UTF-16 indices (JavaScript and Java string indices) into the field's text.")
public class MentionNode {

    @NonNull
    @Description("TITLE or BODY: which text the offsets point into.")
    public String field;

    @Description("Inclusive start.")
    public int start;

    @Description("Exclusive end.")
    public int end;

    @NonNull
    public String text;
}
