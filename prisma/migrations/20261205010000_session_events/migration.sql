-- Issue 15: a change to what a session check returns reaches every app instance at once
-- (src/server/cluster/session-events.ts). When a session row is deleted or changed, or an
-- account changes in a column the session check reads (id, role, pseudonym, union, platform,
-- suspension, sealed profile), the hash of each affected session id is sent on the channel
-- wv_session_changed as the transaction commits. Nothing is stored; the payload is the row's own
-- primary key, already in the table and its WAL. The hourly shuffle of account-linked rows
-- (src/features/storage/mutations.ts) deletes and re-inserts the same rows and says so with
-- wv.shuffling, so it sends nothing.
CREATE FUNCTION wv_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('wv.shuffling', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'Session' THEN
    PERFORM pg_notify('wv_session_changed', OLD."idHash");
  ELSE
    PERFORM pg_notify('wv_session_changed', s."idHash") FROM "Session" s WHERE s."accountId" IN (OLD."id", NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Session_changed" AFTER DELETE OR UPDATE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION wv_session_changed();

CREATE TRIGGER "Account_session_changed" AFTER UPDATE ON "Account"
  FOR EACH ROW
  WHEN ((OLD."id", OLD."role", OLD."pseudonym", OLD."unionId", OLD."platformId", OLD."suspended", OLD."profileSealed")
    IS DISTINCT FROM (NEW."id", NEW."role", NEW."pseudonym", NEW."unionId", NEW."platformId", NEW."suspended", NEW."profileSealed"))
  EXECUTE FUNCTION wv_session_changed();
