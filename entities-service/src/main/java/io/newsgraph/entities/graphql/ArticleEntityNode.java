package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One entity as one article mentions it. */
@Name("ArticleEntity")
@Description("An entity in one article: how central it is there and where it is mentioned.")
public class ArticleEntityNode {

    @NonNull
    public EntityNode entity;

    @Description("0..1: how central the entity is to the article (title and lede weigh more).")
    public double salience;

    @Description("Mentions in this article.")
    public int mentionCount;

    @Ignore
    public String articleId;
}
