-- Every foreign key a delete follows gets an index on its referencing column: deleting an orphaned entity cascades
-- into mention and co_occurrence (by other_id), which would otherwise be scanned whole. entity_key (entity_id) and
-- article_entity (entity_id, ...) have theirs since V2; co_occurrence (entity_id, ...) is its primary key.
CREATE INDEX mention_entity_idx ON mention (entity_id);
CREATE INDEX co_occurrence_other_idx ON co_occurrence (other_id);

-- Co-occurrence moves by signed deltas in one upsert per article, rows locked in one order. PostgreSQL checks a CHECK
-- constraint on the proposed row before it sees the conflict, so "article_count >= 0" would refuse every decrement;
-- rows that reach 0 are deleted by the same transaction instead.
ALTER TABLE co_occurrence DROP CONSTRAINT co_occurrence_article_count_check;
