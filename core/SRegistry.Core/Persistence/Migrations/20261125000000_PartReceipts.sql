-- A part's ETag is a random receipt rather than its sha256, which the server no longer computes unless the
-- client announced one. Parts that arrived before keep their sha256 as their receipt.

ALTER TABLE upload_sessions RENAME COLUMN received_sha256 TO receipt;
