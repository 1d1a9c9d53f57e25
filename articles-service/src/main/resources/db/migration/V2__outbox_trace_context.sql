-- The W3C traceparent of the write that made the event, so that its delivery continues that trace. Only trace and
-- span ids and flags: nothing of the request itself.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
