-- Keys that may be used once, shared by every server instance: pending SAML requests and the replay
-- cache of accepted assertions. Only the SHA-256 of each key is kept; expired rows are deleted.

CREATE TABLE one_time_uses (
    purpose text NOT NULL,
    key_hash bytea NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used boolean NOT NULL,
    CONSTRAINT pk_one_time_uses PRIMARY KEY (purpose, key_hash)
);
CREATE INDEX ix_one_time_uses_expires_at ON one_time_uses (expires_at);
