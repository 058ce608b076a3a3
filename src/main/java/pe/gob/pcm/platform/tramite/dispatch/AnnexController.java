package pe.gob.pcm.platform.tramite.dispatch;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.gob.pcm.platform.document.DocumentStore;

/**
 * Serves the annexes of the platform's outgoing documents to the receiving entity, at the
 * {@code vurldocanx} sent with the document: {@code /anexos/<token>?cuo=<CUO>&nombre=<vnomdoc>}.
 * No login (the receiver's system has none here): the token, unguessable and per document,
 * is the key, and CUO and name must match too. Anything else is a plain 404.
 */
@RestController
public class AnnexController {

  private final DispatchMapper mapper;
  private final DocumentStore documents;

  public AnnexController(DispatchMapper mapper, DocumentStore documents) {
    this.mapper = mapper;
    this.documents = documents;
  }

  @GetMapping("/anexos/{token}")
  public ResponseEntity<byte[]> annex(@PathVariable String token, @RequestParam("cuo") String cuo,
      @RequestParam("nombre") String name) {
    if (token.length() != 48 || !token.matches("[0-9a-f]+")) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    String documentId = mapper.servedAnnex(token, cuo, name);
    byte[] content = documentId == null ? null : documents.content(documentId);
    if (content == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
