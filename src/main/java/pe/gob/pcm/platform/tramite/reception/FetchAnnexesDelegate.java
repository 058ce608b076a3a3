package pe.gob.pcm.platform.tramite.reception;

import static pe.gob.pcm.platform.tramite.reception.ReceptionProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.document.DocumentProperties;
import org.springframework.util.function.SingletonSupplier;
import pe.gob.pcm.platform.document.DocumentStore;

/**
 * Downloads the annexes of an incoming document from the sender's {@code vurldocanx}, one
 * request per annex: {@code <vurldocanx>?cuo=<CUO>&nombre=<vnomdoc>} (the CUO is the search
 * key, as the MGD says; the contract fixes no more, so this is the platform's convention and the
 * one it serves for its own annexes). Runs as its own job: a failure is retried and then becomes
 * an incident whose message says which annex and why; the document stays {@code P}. Annexes
 * already stored are not fetched again.
 */
@Component("fetchAnnexes")
public class FetchAnnexesDelegate implements JavaDelegate {

  private final ReceptionMapper mapper;
  private final DocumentStore documents;
  private final long maxBytes;
  private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build());

  public FetchAnnexesDelegate(ReceptionMapper mapper, DocumentStore documents,
      DocumentProperties documentProperties) {
    this.mapper = mapper;
    this.documents = documents;
    this.maxBytes = documentProperties.maxBytes();
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long receptionId = ((Number) execution.getVariable(RECEPTION_ID)).longValue();
    ReceptionStatus reception = mapper.find(receptionId);
    for (ReceptionMapper.Annex annex : mapper.annexes(receptionId)) {
      if (annex.documentId() != null) {
        continue;
      }
      URI uri = URI.create(annex.annexUrl() + (annex.annexUrl().contains("?") ? "&" : "?")
          + "cuo=" + reception.cuo() + "&nombre=" + URLEncoder.encode(annex.name(), StandardCharsets.UTF_8));
      byte[] content = download(uri, annex.name());
      String documentId = documents.storePdf("wsiotramite", reception.receiverRuc(), annex.name(), content).id();
      documents.attach(documentId, execution.getProcessInstanceId());
      mapper.attachAnnex(annex.id(), documentId);
    }
  }

  private byte[] download(URI uri, String name) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.get().send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("No se pudo descargar el anexo «" + name + "» desde " + uri
            + ": HTTP " + response.statusCode());
      }
      byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        throw new IOException("El anexo «" + name + "» supera el tamaño máximo permitido");
      }
      return content;
    }
  }
}
