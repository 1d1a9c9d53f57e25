package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
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

    /** What kind of text a mention sits in. */
    @Name("MentionContext")
    @Description("What kind of text a mention sits in; only PROSE mentions count towards salience.")
    public enum Context {
        @Description("The article's own text (title, lede, key points, sections).")
        PROSE,
        @Description("A social post the article quotes, with its attribution line.")
        EMBEDDED_POST,
        @Description("The article's list of cited sources.")
        SOURCES
    }

    @NonNull
    @Description("Which text the offsets point into.")
    public Field field;

    @Description("Inclusive start.")
    public int start;

    @Description("Exclusive end.")
    public int end;

    @NonNull
    @Description("The mentioned text, exactly the field's text from start to end.")
    public String text;

    @NonNull
    @Description("Whether the mention is in the article's own prose, a quoted post or the cited sources. Mentions"
            + " stored before contexts were recorded are PROSE until the article is extracted again.")
    public Context context;

    @Description("True when the mention counts towards the entity's salience in the article (PROSE mentions only).")
    public boolean counted;

    @Ignore
    public String articleId;
}
