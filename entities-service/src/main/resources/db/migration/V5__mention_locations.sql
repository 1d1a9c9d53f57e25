-- Mentions a UI can highlight: each article's layout (where its body characters appear in the parts it is rendered
-- in, as the sender laid it out) is stored once with its extraction, not per mention, so the write path stays one
-- row; readers turn a mention's body offsets into part offsets with it. A mention in a quoted post or the cited
-- sources keeps that context; null is the article's own prose (and every mention stored before this column).
ALTER TABLE extraction ADD COLUMN layout jsonb;
ALTER TABLE mention ADD COLUMN context text CHECK (context IN ('EMBEDDED_POST', 'SOURCES'));
