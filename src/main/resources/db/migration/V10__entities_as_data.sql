-- Hosted entities are data (docs/incorporacion.md): an entity joins through Colabora and an SGTD
-- administrator may suspend it, with no restart. Rows written before this version were
-- registered from the configuration and are active.
ALTER TABLE hosted_entity ADD COLUMN category INTEGER;
ALTER TABLE hosted_entity ADD COLUMN sector VARCHAR(120);
ALTER TABLE hosted_entity ADD COLUMN government_level VARCHAR(12);
ALTER TABLE hosted_entity ADD COLUMN state VARCHAR(12) DEFAULT 'ACTIVA' NOT NULL;
ALTER TABLE hosted_entity ADD COLUMN state_reason VARCHAR(500);
ALTER TABLE hosted_entity ADD COLUMN state_changed_by VARCHAR(64);
ALTER TABLE hosted_entity ADD COLUMN state_changed_at TIMESTAMP;
ALTER TABLE hosted_entity ADD COLUMN created_by VARCHAR(64) DEFAULT 'configuracion' NOT NULL;
-- the Colabora request that asked for the entity (state SOLICITANTE) or made it active
ALTER TABLE hosted_entity ADD COLUMN request_process_instance_id VARCHAR(64);
CREATE INDEX hosted_entity_state_name ON hosted_entity (state, name);

-- One-time links (set or reset a password): only the SHA-256 of the token is kept.
CREATE TABLE account_token (
    token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    purpose      VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    used_at      TIMESTAMP
);
CREATE INDEX account_token_user ON account_token (user_id, purpose);
