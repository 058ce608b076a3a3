-- The signed cargo the receiving entity issues for each incoming document (R or O).
ALTER TABLE iotdtc_recepcion ADD COLUMN cargo_document_id VARCHAR(36) REFERENCES document (id);
