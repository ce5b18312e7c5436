-- Server secrets that every instance on this database must share (the sregistry-cli server key), each
-- sealed with Data Protection: a dump of this table alone does not reveal them.

CREATE TABLE server_keys (
    name text NOT NULL,
    value bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_server_keys PRIMARY KEY (name)
);
