-- Every change of an article's processing (state, attempts, error, a new version) and every delete is announced on
-- the channel article_processing with the article's id, in the writing transaction: PostgreSQL delivers it to every
-- listening replica only when that transaction commits, so a rolled-back change is never announced. A trigger rather
-- than a NOTIFY in each writer, so that no writer (ingest, update, the relay, retries, redelivery) can forget it.
-- Identical payloads of one transaction arrive once.
CREATE FUNCTION article_processing_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('article_processing', OLD.id::text);
    ELSIF TG_OP = 'INSERT'
          OR NEW.processing_state IS DISTINCT FROM OLD.processing_state
          OR NEW.processing_attempts IS DISTINCT FROM OLD.processing_attempts
          OR NEW.processing_last_error IS DISTINCT FROM OLD.processing_last_error
          OR NEW.version IS DISTINCT FROM OLD.version THEN
        PERFORM pg_notify('article_processing', NEW.id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_processing_notify
    AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION article_processing_notify();
