-- Delivery ids are kept only as long as a provider may redeliver (see SourceConnectionStore); the index
-- makes removing the old ones cheap.

CREATE INDEX ix_webhook_deliveries_received_at ON webhook_deliveries (received_at);
