-- Articles: the text as given, its parsed structure, version and processing state.
CREATE TABLE article (
    id                    uuid PRIMARY KEY,
    external_id           text,
    url                   text,
    source                text,
    language              text,
    published_at          timestamptz,
    -- publishedAt, else the ingest time: the non-null key of the list order and its cursors.
    sort_at               timestamptz NOT NULL,
    title                 text,
    body                  text NOT NULL,
    content_hash          text NOT NULL,
    parsed                text NOT NULL,
    word_count            integer NOT NULL,
    version               bigint NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    processing_state      text NOT NULL CHECK (processing_state IN ('PENDING', 'DONE', 'FAILED')),
    processing_attempts   integer NOT NULL DEFAULT 0,
    processing_last_error text,
    search                tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
    ) STORED
);

-- Ingest is idempotent by externalId, else by URL.
CREATE UNIQUE INDEX article_external_id_key ON article (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX article_url_key ON article (url) WHERE external_id IS NULL AND url IS NOT NULL;
CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_sort_idx ON article (sort_at DESC, id DESC);
CREATE INDEX article_source_sort_idx ON article (source, sort_at DESC, id DESC);

-- The outbox: changes waiting for delivery to entities-service. A row is deleted once delivered.
CREATE TABLE outbox_event (
    id              bigserial PRIMARY KEY,
    article_id      uuid NOT NULL,
    type            text NOT NULL CHECK (type IN ('ArticleChanged', 'ArticleDeleted')),
    article_version bigint NOT NULL,
    payload         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      text
);

CREATE INDEX outbox_event_due_idx ON outbox_event (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX outbox_event_article_idx ON outbox_event (article_id, id);
