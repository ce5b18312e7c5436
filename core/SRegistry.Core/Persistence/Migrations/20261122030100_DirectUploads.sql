-- Single-part uploads sent straight to the blob store: the store's id of the temporary object.

ALTER TABLE upload_sessions ADD direct_upload_id text;
