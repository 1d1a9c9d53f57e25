package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.Article;
import io.newsgraph.articles.domain.ArticleService;
import io.newsgraph.articles.persistence.Cursors;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Builds the client-facing shapes from service results; shared by REST and GraphQL so both say the same. */
@ApplicationScoped
public class ArticleViews {

    private final ArticleService service;

    public ArticleViews(ArticleService service) {
        this.service = service;
    }

    public ArticleView view(Article a) {
        return ArticleView.of(a, service.parsed(a));
    }

    public Connections.ArticleConnection connection(ArticleService.Page page) {
        List<Connections.ArticleEdge> edges = new ArrayList<>();
        for (Article a : page.articles()) {
            edges.add(new Connections.ArticleEdge(Cursors.list(a.sortAt, a.id), view(a)));
        }
        return new Connections.ArticleConnection(edges, pageInfo(edges.stream().map(Connections.ArticleEdge::cursor).toList(),
                page.hasNext(), page.hasPrevious()), null);
    }

    public Connections.ArticleSearchConnection searchConnection(String query, ArticleService.SearchPage page) {
        List<Connections.ArticleSearchEdge> edges = new ArrayList<>();
        String q = query.strip();
        for (ArticleService.SearchResult r : page.results()) {
            Snippets.Snippet s = Snippets.of(r.headline());
            edges.add(new Connections.ArticleSearchEdge(Cursors.search(q, r.position()), view(r.article()), r.rank(),
                    s.text(), s.html(), s.highlights()));
        }
        return new Connections.ArticleSearchConnection(edges,
                pageInfo(edges.stream().map(Connections.ArticleSearchEdge::cursor).toList(), page.hasNext(),
                        page.hasPrevious()), null);
    }

    private static Connections.PageInfo pageInfo(List<String> cursors, boolean hasNext, boolean hasPrevious) {
        return new Connections.PageInfo(hasNext, hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
