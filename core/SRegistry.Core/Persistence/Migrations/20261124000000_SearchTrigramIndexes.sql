-- Trigram indexes, so that CatalogSearch's substring matches (ILIKE '%text%') on containers, tags and labels
-- use an index instead of reading every row: search time then stays flat as the catalogue grows.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: any role with CREATE on the database may create it.
-- Where it cannot be created (contrib not installed, no CREATE right on the database), the schema is still
-- migrated and search reads the tables; RegistryDatabase runs this script again at each start until it works.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX IF NOT EXISTS ix_containers_name ON containers USING gin (name gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS ix_containers_description ON containers USING gin (description gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS ix_tags_name ON tags USING gin (name gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS ix_labels_key ON labels USING gin (key gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS ix_labels_value ON labels USING gin (value gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'search indexes not created (%): search reads whole tables', SQLERRM;
END $$;
