-- Personal data (Ley 29733) is stored encrypted: v1:<keyId>:<base64(nonce|ciphertext|tag)>.
-- The columns grow to hold the sealed form; V9_1 (Java, pe.gob.pcm.platform.privacy) seals the
-- values stored in plain text before this version.
ALTER TABLE colabora_master_user ALTER COLUMN officer_dni SET DATA TYPE VARCHAR(200);
ALTER TABLE colabora_master_user ALTER COLUMN officer_email SET DATA TYPE VARCHAR(600);
ALTER TABLE colabora_master_user ALTER COLUMN officer_mobile SET DATA TYPE VARCHAR(200);
ALTER TABLE iotdtm_doc_externo ALTER COLUMN vnumdociderem SET DATA TYPE VARCHAR(200);
ALTER TABLE iotdtc_despacho ALTER COLUMN vnumdociderem SET DATA TYPE VARCHAR(200);
