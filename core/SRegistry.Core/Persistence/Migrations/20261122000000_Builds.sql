-- Builds (the queue and its history), source repository connections that trigger them, and the
-- webhook delivery ids already handled.

CREATE TABLE repository_connections (
    id uuid NOT NULL,
    collection_id bigint NOT NULL,
    provider text NOT NULL,
    repository text NOT NULL,
    container text NOT NULL,
    branches text[] NOT NULL,
    recipe_patterns text[] NOT NULL,
    encrypted_secret text NOT NULL,
    created_by_user_id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_repository_connections PRIMARY KEY (id),
    CONSTRAINT fk_repository_connections_collections_collection_id FOREIGN KEY (collection_id) REFERENCES collections (id) ON DELETE CASCADE,
    CONSTRAINT fk_repository_connections_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_repository_connections_collection_id_provider_repository ON repository_connections (collection_id, provider, repository);
CREATE INDEX ix_repository_connections_created_by_user_id ON repository_connections (created_by_user_id);

CREATE TABLE builds (
    id uuid NOT NULL,
    state text NOT NULL,
    entity text NOT NULL,
    collection text NOT NULL,
    container text NOT NULL,
    tag text NOT NULL,
    source_repository text NOT NULL,
    commit text NOT NULL,
    recipe_path text NOT NULL,
    requested_by text NOT NULL,
    owner_user_id bigint,
    connection_id uuid,
    backend_id text,
    message text,
    logs_url text,
    queued_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    image_id bigint,
    image_digest text,
    CONSTRAINT pk_builds PRIMARY KEY (id),
    CONSTRAINT fk_builds_images_image_id FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE SET NULL,
    CONSTRAINT fk_builds_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_builds_repository_connections_connection_id FOREIGN KEY (connection_id) REFERENCES repository_connections (id) ON DELETE SET NULL
);
CREATE INDEX ix_builds_state_queued_at ON builds (state, queued_at);
CREATE INDEX ix_builds_entity_collection_queued_at ON builds (entity, collection, queued_at);
CREATE INDEX ix_builds_connection_id_commit ON builds (connection_id, commit);
CREATE INDEX ix_builds_image_id ON builds (image_id);
CREATE INDEX ix_builds_owner_user_id ON builds (owner_user_id);

CREATE TABLE webhook_deliveries (
    provider text NOT NULL,
    delivery_id text NOT NULL,
    received_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (provider, delivery_id)
);
