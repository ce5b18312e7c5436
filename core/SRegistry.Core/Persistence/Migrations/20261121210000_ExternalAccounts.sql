-- When the directory last confirmed an externally provisioned account (see ExternalAccountRecheck).

ALTER TABLE users ADD COLUMN last_directory_check_at timestamp with time zone;
