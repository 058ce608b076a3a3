-- Issue #24: the result of verifying a document's digital signatures (EU DSS), kept per
-- document: one row per signature, in signing order, and the summary sentence on the document.
ALTER TABLE document ADD COLUMN signature_message VARCHAR(2000);

CREATE TABLE document_signature (
    document_id          VARCHAR(36)   NOT NULL,
    signature_order      INTEGER       NOT NULL,
    signer_name          VARCHAR(250),
    signer_serial        VARCHAR(64),
    claimed_signing_time TIMESTAMP,
    timestamp_time       TIMESTAMP,
    signature_level      VARCHAR(32),
    status               VARCHAR(32)   NOT NULL,
    message              VARCHAR(2000) NOT NULL,
    revision             INTEGER       NOT NULL,
    revisions            INTEGER       NOT NULL,
    revoked_at           TIMESTAMP,
    checked_at           TIMESTAMP     NOT NULL,
    PRIMARY KEY (document_id, signature_order),
    CONSTRAINT document_signature_document_fk FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
);
