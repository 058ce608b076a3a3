package pe.gob.pcm.platform.document;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that no process took: a person chose a PDF in a form and then left the form (or
 * the form was refused and never sent again). A document is an orphan when it is attached to no
 * process instance, no record points at it, and it was uploaded more than
 * {@code platform.documents.orphan-retention} ago (7 days by default: long enough for a form left
 * open over a long weekend). Runs every {@code platform.documents.orphan-sweep-interval} on each
 * node; deleting is idempotent, so nodes need no coordination. Batches keep each transaction small.
 */
@Component
public class OrphanDocuments {

  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(OrphanDocuments.class);

  private final OrphanDocumentMapper mapper;
  private final Duration retention;

  public OrphanDocuments(OrphanDocumentMapper mapper,
      @Value("${platform.documents.orphan-retention:7d}") Duration retention) {
    this.mapper = mapper;
    this.retention = retention;
  }

  @Scheduled(fixedDelayString = "${platform.documents.orphan-sweep-interval:1h}",
      initialDelayString = "${platform.documents.orphan-sweep-interval:1h}")
  void sweep() {
    int removed = removeUploadedBefore(LocalDateTime.now().minus(retention));
    if (removed > 0) {
      LOG.info("Se eliminaron {} documentos subidos que ningún proceso usó (más antiguos que {})", removed, retention);
    }
  }

  /** Deletes the orphans uploaded before the limit; answers how many. */
  public int removeUploadedBefore(LocalDateTime limit) {
    LocalDateTime before = limit.truncatedTo(ChronoUnit.MILLIS);
    int removed = 0;
    while (true) {
      List<String> batch = mapper.orphans(before, BATCH);
      int deleted = 0;
      for (String id : batch) {
        deleted += mapper.deleteIfOrphan(id, before);
      }
      removed += deleted;
      if (batch.size() < BATCH || deleted == 0) {
        return removed;
      }
    }
  }

  public Duration retention() {
    return retention;
  }
}
