CREATE TABLE extraction (article_id text PRIMARY KEY, version bigint NOT NULL);
