package pe.gob.pcm.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.support.TestPki;

/**
 * The sweep of uploads no process took, on the real database: an upload older than the limit and
 * taken by no process is deleted; one a process took, one uploaded after the limit and one a record
 * points at stay.
 */
@PlatformTest
class OrphanDocumentsIT {

  @Autowired DocumentStore documents;
  @Autowired OrphanDocuments orphans;
  @Autowired JdbcTemplate jdbc;

  String upload(String text) {
    return documents.storePdf("muni.ti", Actors.MUNI_RUC, text + ".pdf", TestPki.unsignedPdf(text + System.nanoTime())).id();
  }

  void uploadedAgo(String id, Duration ago) {
    jdbc.update("UPDATE document SET uploaded_at = ? WHERE id = ?", LocalDateTime.now().minus(ago), id);
  }

  boolean exists(String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE id = ?", Integer.class, id) == 1;
  }

  @Test
  void onlyOldUploadsThatNothingTookAreDeleted() {
    String abandoned = upload("formulario abandonado");
    String taken = upload("tomado por un proceso");
    String recent = upload("recien subido");
    String pointedAt = upload("apuntado por un registro");
    uploadedAgo(abandoned, Duration.ofDays(8));
    uploadedAgo(taken, Duration.ofDays(8));
    uploadedAgo(pointedAt, Duration.ofDays(8));
    uploadedAgo(recent, Duration.ofDays(6));
    assertThat(documents.attach(taken, "instancia-de-prueba-" + System.nanoTime())).isTrue();
    // a record (here an MPV test report row) points at the document without a process owning it
    jdbc.update("INSERT INTO mpv_prueba (process_instance_id, entity_ruc, url, ronda, passed, failed,"
        + " report_document_id, executed_at) VALUES (?, ?, ?, 1, 0, 0, ?, ?)", "prueba-huerfanos-" + System.nanoTime(),
        Actors.MUNI_RUC, "http://localhost/", pointedAt, LocalDateTime.now());

    assertThat(orphans.retention()).isEqualTo(Duration.ofDays(7));
    int removed = orphans.removeUploadedBefore(LocalDateTime.now().minus(orphans.retention()));

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(exists(abandoned)).as("abandonado hace 8 días").isFalse();
    assertThat(exists(taken)).as("tomado por un proceso").isTrue();
    assertThat(exists(recent)).as("subido hace 6 días").isTrue();
    assertThat(exists(pointedAt)).as("apuntado por un registro").isTrue();
    // a second sweep finds nothing more of these
    orphans.removeUploadedBefore(LocalDateTime.now().minus(orphans.retention()));
    assertThat(exists(recent) && exists(taken) && exists(pointedAt)).isTrue();
  }
}
