-- The entity graph: canonical entities, the keys they are found by, per-article results, mentions, salience and
-- co-occurrence. Counts are kept on the rows readers need them on and maintained by the write path, in the same
-- transaction that changes the mentions.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per article ever delivered. A deleted article keeps its row (status DELETED) so that a late, older
-- delivery cannot bring it back.
ALTER TABLE extraction
    ADD COLUMN status       text        NOT NULL DEFAULT 'DONE',
    ADD COLUMN engine       text,
    ADD COLUMN took_ms      bigint      NOT NULL DEFAULT 0,
    ADD COLUMN extracted_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN entity_count integer     NOT NULL DEFAULT 0,
    ADD CONSTRAINT extraction_status_check CHECK (status IN ('DONE', 'DELETED'));

CREATE TABLE entity (
    id               bigserial PRIMARY KEY,
    type             text        NOT NULL,
    name             text        NOT NULL,
    normalized_name  text        NOT NULL,
    -- ISO date for DATE, lower-cased handle for HANDLE, the URL for URL; null otherwise
    normalized_value text,
    country_code     char(2),
    aliases          jsonb       NOT NULL DEFAULT '[]',
    roles            jsonb       NOT NULL DEFAULT '[]',
    -- name and aliases in one string, what fuzzy search matches against
    search_names     text        NOT NULL,
    mention_count    integer     NOT NULL DEFAULT 0,
    article_count    integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_type_rank_idx ON entity (type, article_count DESC, id);
CREATE INDEX entity_rank_idx ON entity (article_count DESC, id);
CREATE INDEX entity_search_trgm_idx ON entity USING gin (search_names gin_trgm_ops);

-- The keys cross-article resolution looks entities up by. kind: 0 = value (ISO code, date, handle: exact
-- identity), 1 = name (normalised full or reduced name, or alias), 2 = partial (one name token of a person: only
-- merges when unambiguous).
CREATE TABLE entity_key (
    type      text     NOT NULL,
    key       text     NOT NULL,
    kind      smallint NOT NULL,
    entity_id bigint   NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (type, key, kind, entity_id)
);
CREATE INDEX entity_key_entity_idx ON entity_key (entity_id);
CREATE UNIQUE INDEX entity_key_value_unique ON entity_key (type, key) WHERE kind = 0;

-- One row per (article, canonical entity): the article's salience for it and how often it is mentioned.
CREATE TABLE article_entity (
    article_id    text             NOT NULL,
    entity_id     bigint           NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    salience      double precision NOT NULL,
    mention_count integer          NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id, salience DESC, article_id);

CREATE TABLE mention (
    id           bigserial PRIMARY KEY,
    article_id   text    NOT NULL,
    entity_id    bigint  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    field        text    NOT NULL CHECK (field IN ('TITLE', 'BODY')),
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    text         text    NOT NULL,
    CHECK (start_offset >= 0 AND end_offset > start_offset)
);
CREATE INDEX mention_article_idx ON mention (article_id, entity_id);

-- How many articles mention both entities; stored in both directions so that "related to X" is one index range.
CREATE TABLE co_occurrence (
    entity_id     bigint  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    other_id      bigint  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    article_count integer NOT NULL CHECK (article_count >= 0),
    PRIMARY KEY (entity_id, other_id),
    CHECK (entity_id <> other_id)
);
CREATE INDEX co_occurrence_rank_idx ON co_occurrence (entity_id, article_count DESC, other_id);
