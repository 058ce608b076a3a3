package pe.gob.pcm.platform.document;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Uploads no process took, older than a limit, that no record points at (V17's indexes). */
@Mapper
interface OrphanDocumentMapper {

  String UNREFERENCED = " AND NOT EXISTS (SELECT 1 FROM iotdtd_doc_principal r WHERE r.document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM iotdtc_recepcion r WHERE r.cargo_document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM iotdtd_anexo r WHERE r.document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM iotdtc_despacho r WHERE r.document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM iotdtc_despacho r WHERE r.cargo_document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM despacho_anexo r WHERE r.document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM mpv_prueba r WHERE r.report_document_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM pgo_documento r WHERE r.document_id = d.id)";

  @Select("SELECT d.id FROM document d WHERE d.process_instance_id IS NULL AND d.uploaded_at < #{limit}"
      + UNREFERENCED + " ORDER BY d.uploaded_at LIMIT #{batch}")
  List<String> orphans(@Param("limit") LocalDateTime limit, @Param("batch") int batch);

  /** Deletes the document if it is still an orphan (a process may have taken it meanwhile). */
  @Delete("DELETE FROM document d WHERE d.id = #{id} AND d.process_instance_id IS NULL AND d.uploaded_at < #{limit}"
      + UNREFERENCED)
  int deleteIfOrphan(@Param("id") String id, @Param("limit") LocalDateTime limit);
}
