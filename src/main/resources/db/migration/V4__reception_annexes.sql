-- Annexes are downloaded from the sender's vurldocanx and kept in the document store.
ALTER TABLE iotdtd_anexo ADD COLUMN document_id VARCHAR(36) REFERENCES document (id);
