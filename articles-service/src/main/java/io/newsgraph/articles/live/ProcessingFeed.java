package io.newsgraph.articles.live;

import io.newsgraph.articles.api.ArticleView;
import io.newsgraph.articles.api.ArticleViews;
import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.articles.domain.Article;
import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ArticleService;
import io.newsgraph.articles.domain.ErrorCode;
import io.newsgraph.articles.domain.ProcessingState;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processing state of watched articles as a stream per watcher: the current state first, then every change, ending
 * after {@code DONE} or {@code FAILED} (a delete ends it too). What changed is announced by {@link ProcessingListener};
 * the feed then reads the articles that someone on this replica watches, all of one announcement batch in one query,
 * so an announcement nobody here watches costs nothing. Reads run one after the other on one thread, so a watcher never
 * sees an older state after a newer one; a state equal to the last one sent is not sent again.
 */
@ApplicationScoped
public class ProcessingFeed {

    private static final Logger LOG = Logger.getLogger(ProcessingFeed.class);

    private final ArticleService service;
    private final ArticleViews views;
    private final int maxWatchers;
    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("article-processing-feed").unstarted(r));
    private final Set<UUID> due = new LinkedHashSet<>();

    public ProcessingFeed(ArticleService service, ArticleViews views, ArticlesConfig config) {
        this.service = service;
        this.views = views;
        this.maxWatchers = config.live().maxWatchers();
    }

    void stop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
    }

    /** The article's processing as it is now and as it changes. Fails with ARTICLE_NOT_FOUND for an unknown article. */
    public Multi<ArticleView> watch(UUID id) {
        return Multi.createFrom().emitter(emitter -> {
            if (count.incrementAndGet() > maxWatchers) {
                count.decrementAndGet();
                emitter.fail(new ArticleException(ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                        "this replica follows " + maxWatchers + " articles already (newsgraph.articles.live.max-watchers); retry later"));
                return;
            }
            Watcher w = new Watcher(emitter);
            watchers.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(w);
            emitter.onTermination(() -> {
                Set<Watcher> set = watchers.get(id);
                if (set != null && set.remove(w)) {
                    count.decrementAndGet();
                    watchers.computeIfPresent(id, (k, v) -> v.isEmpty() ? null : v);
                }
            });
            // Registered before the first read: a change committed in between is read (again) after it, never missed.
            changed(List.of(id));
        });
    }

    /** Articles whose processing may have changed (or that were deleted). */
    void changed(Collection<UUID> ids) {
        boolean schedule;
        synchronized (due) {
            int before = due.size();
            for (UUID id : ids) {
                if (watchers.containsKey(id)) {
                    due.add(id);
                }
            }
            schedule = before == 0 && !due.isEmpty();
        }
        if (schedule) {
            reader.execute(this::readDue);
        }
    }

    /** After announcements may have been missed: every watched article is read again. */
    void resync() {
        changed(new ArrayList<>(watchers.keySet()));
    }

    /** Articles watched on this replica right now. */
    public int watched() {
        return watchers.size();
    }

    private void readDue() {
        List<UUID> ids;
        synchronized (due) {
            ids = new ArrayList<>(due);
            due.clear();
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, ArticleView> found = new ConcurrentHashMap<>();
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            for (Article a : service.findAll(ids)) {
                found.put(a.id, views.view(a));
            }
        } catch (RuntimeException e) {
            // The database is away: the listener's reconnect resyncs once it is back; until then watchers wait.
            LOG.warnf("reading watched articles failed: %s", e.getMessage());
            return;
        } finally {
            request.terminate();
        }
        for (UUID id : ids) {
            Set<Watcher> set = watchers.get(id);
            if (set == null) {
                continue;
            }
            ArticleView view = found.get(id);
            for (Watcher w : set) {
                w.offer(view);
            }
        }
    }

    private static final class Watcher {
        private final MultiEmitter<? super ArticleView> emitter;
        private String last;

        Watcher(MultiEmitter<? super ArticleView> emitter) {
            this.emitter = emitter;
        }

        /** Only called from the reader thread. */
        void offer(ArticleView view) {
            if (emitter.isCancelled()) {
                return;
            }
            if (view == null) {
                if (last == null) {
                    emitter.fail(new ArticleException(ErrorCode.ARTICLE_NOT_FOUND, "no article with that id"));
                } else {
                    emitter.complete(); // deleted while watched
                }
                return;
            }
            String key = view.version() + "|" + view.processing().state() + "|" + view.processing().attempts() + "|"
                    + view.processing().lastError();
            if (key.equals(last)) {
                return;
            }
            last = key;
            emitter.emit(view);
            String state = view.processing().state().name();
            if (state.equals(ProcessingState.DONE.name()) || state.equals(ProcessingState.FAILED.name())) {
                emitter.complete();
            }
        }
    }
}
