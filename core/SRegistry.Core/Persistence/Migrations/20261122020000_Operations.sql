-- Operations: garbage collection, quotas per account, rate-limit counters and leases shared by instances.

-- When a put last vouched for a blob's bytes; the garbage collector spares blobs touched within its grace period.
ALTER TABLE blobs ADD COLUMN touched_at timestamp with time zone;
UPDATE blobs SET touched_at = created_at;
ALTER TABLE blobs ALTER COLUMN touched_at SET NOT NULL;
CREATE INDEX ix_blobs_touched_at ON blobs (touched_at);

-- Per-account storage limits in bytes set by administrators; null = the configured default.
ALTER TABLE users ADD COLUMN quota_bytes bigint;
ALTER TABLE teams ADD COLUMN quota_bytes bigint;

-- A named job that one instance at a time may run (scheduled garbage collection).
CREATE TABLE leases (
    name text NOT NULL,
    holder text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_leases PRIMARY KEY (name)
);

-- Fixed-window request counters, shared by every instance on this database.
CREATE TABLE rate_limit_counters (
    key text NOT NULL,
    window_start timestamp with time zone NOT NULL,
    count bigint NOT NULL,
    CONSTRAINT pk_rate_limit_counters PRIMARY KEY (key, window_start)
);
CREATE INDEX ix_rate_limit_counters_window_start ON rate_limit_counters (window_start);

-- The row protocol between "reference a blob" and "delete a blob": every new reference takes the
-- blob lock in shared mode and requires the blob row; the garbage collector deletes rows and bytes
-- holding it exclusively. So a reference either commits before a collection starts (and is seen by
-- it) or finds the blob gone and fails, never pointing at missing bytes. 91613353690947 = 0x535265674743, 'SRegGC'.
CREATE FUNCTION blob_reference_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(91613353690947);
    IF NOT EXISTS (SELECT 1 FROM blobs WHERE digest = NEW.digest) THEN
        RAISE EXCEPTION 'blob sha256:% was removed by garbage collection; push it again', NEW.digest
            USING ERRCODE = 'SRG01';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_images_blob_reference BEFORE INSERT OR UPDATE OF digest, uploaded ON images
    FOR EACH ROW WHEN (NEW.uploaded) EXECUTE FUNCTION blob_reference_guard();
CREATE TRIGGER tr_manifest_references_blob_reference BEFORE INSERT ON manifest_references
    FOR EACH ROW WHEN (NOT NEW.is_manifest) EXECUTE FUNCTION blob_reference_guard();
CREATE TRIGGER tr_repository_blobs_blob_reference BEFORE INSERT ON repository_blobs
    FOR EACH ROW EXECUTE FUNCTION blob_reference_guard();
