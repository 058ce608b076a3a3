-- People of an entity that its master user deactivated (docs/personas.md). The Camunda account
-- stays, with its tenant membership, so that the history keeps naming who did what and the id
-- is never given to someone else; the roles it had are kept here and restored on reactivation.
CREATE TABLE entity_user_deactivation (
    user_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    entity_ruc      VARCHAR(11)  NOT NULL,
    roles           VARCHAR(200) NOT NULL,
    deactivated_by  VARCHAR(64)  NOT NULL,
    deactivated_at  TIMESTAMP    NOT NULL
);
CREATE INDEX entity_user_deactivation_entity ON entity_user_deactivation (entity_ruc);
