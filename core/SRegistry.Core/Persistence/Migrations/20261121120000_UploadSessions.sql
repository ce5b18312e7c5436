-- Uploads under way (capability URLs, multipart uploads), shared by every server instance.

CREATE TABLE upload_sessions (
    id uuid NOT NULL,
    image_id bigint NOT NULL,
    kind text NOT NULL,
    secret_hash bytea,
    expected_size bigint NOT NULL,
    expected_sha256 text,
    part_size bigint,
    part_number integer,
    parent_id uuid,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    received_at timestamp with time zone,
    received_sha256 text,
    created_by_user_id bigint NOT NULL,
    CONSTRAINT pk_upload_sessions PRIMARY KEY (id),
    CONSTRAINT ck_upload_sessions_kind CHECK (kind IN ('SinglePart', 'Multipart', 'MultipartPart')),
    CONSTRAINT fk_upload_sessions_images_image_id FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE,
    CONSTRAINT fk_upload_sessions_upload_sessions_parent_id FOREIGN KEY (parent_id) REFERENCES upload_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_upload_sessions_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_upload_sessions_secret_hash ON upload_sessions (secret_hash);
CREATE INDEX ix_upload_sessions_expires_at ON upload_sessions (expires_at);
CREATE INDEX ix_upload_sessions_image_id ON upload_sessions (image_id);
CREATE INDEX ix_upload_sessions_parent_id ON upload_sessions (parent_id);
CREATE INDEX ix_upload_sessions_created_by_user_id ON upload_sessions (created_by_user_id);
