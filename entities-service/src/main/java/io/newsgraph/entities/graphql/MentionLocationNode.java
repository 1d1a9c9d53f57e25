package io.newsgraph.entities.graphql;

import io.newsgraph.entities.location.MentionLocation;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A mention's place in one rendered part of the article. */
@Name("MentionLocation")
@Description("Where a mention is in one part of the article as the articles subgraph serves it (Article.title, lede,"
        + " keyPoints, sections, embeddedPosts, sources); start and end are UTF-16 offsets into that part's text.")
public class MentionLocationNode {

    /** The parts an article is rendered in. */
    @Name("ArticlePart")
    @Description("A part of an article as the articles subgraph serves it.")
    public enum Part {
        @Description("Article.title.")
        TITLE,
        @Description("Article.lede; the same text is also a PARAGRAPH of its section.")
        LEDE,
        @Description("Article.keyPoints[index].")
        KEY_POINT,
        @Description("Article.sections[index].heading.")
        SECTION_HEADING,
        @Description("Article.sections[index].paragraphs[paragraph].")
        PARAGRAPH,
        @Description("Article.embeddedPosts[index].text.")
        EMBEDDED_POST,
        @Description("Article.embeddedPosts[index].author.")
        EMBEDDED_POST_AUTHOR,
        @Description("Article.embeddedPosts[index].handle.")
        EMBEDDED_POST_HANDLE,
        @Description("Article.sources[index].text.")
        SOURCE
    }

    @NonNull
    @Description("The part the offsets point into.")
    public Part part;

    @Description("Index into keyPoints, sections, embeddedPosts or sources; null for TITLE and LEDE.")
    public Integer index;

    @Description("Index into the section's paragraphs, for PARAGRAPH; null otherwise.")
    public Integer paragraph;

    @Description("Inclusive start in the part's text.")
    public int start;

    @Description("Exclusive end in the part's text. The covered text is the mention's text, except that a line break"
            + " inside the mention may be the space a paragraph's lines are joined with.")
    public int end;

    static MentionLocationNode of(MentionLocation l) {
        MentionLocationNode n = new MentionLocationNode();
        n.part = Part.valueOf(l.part().name());
        n.index = l.index();
        n.paragraph = l.paragraph();
        n.start = l.start();
        n.end = l.end();
        return n;
    }
}
