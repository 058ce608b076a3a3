-- Uploads that no process took (docs/documentos-en-formularios.md): the sweep finds them by
-- (process_instance_id IS NULL, uploaded_at), and deletes only those no record points at. The
-- columns that point at a document get an index each, so that this check, and the database's own
-- foreign-key check on delete, do not read whole tables.
CREATE INDEX document_unattached_idx ON document (process_instance_id, uploaded_at);
CREATE INDEX iotdtd_doc_principal_document_idx ON iotdtd_doc_principal (document_id);
CREATE INDEX iotdtc_recepcion_cargo_document_idx ON iotdtc_recepcion (cargo_document_id);
CREATE INDEX iotdtd_anexo_document_idx ON iotdtd_anexo (document_id);
CREATE INDEX iotdtc_despacho_document_idx ON iotdtc_despacho (document_id);
CREATE INDEX iotdtc_despacho_cargo_document_idx ON iotdtc_despacho (cargo_document_id);
CREATE INDEX despacho_anexo_document_idx ON despacho_anexo (document_id);
CREATE INDEX mpv_prueba_report_document_idx ON mpv_prueba (report_document_id);
CREATE INDEX pgo_documento_document_idx ON pgo_documento (document_id);
