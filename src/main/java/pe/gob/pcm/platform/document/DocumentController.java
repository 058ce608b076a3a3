package pe.gob.pcm.platform.document;

import pe.gob.pcm.platform.signature.DemoSigning;
import pe.gob.pcm.platform.signature.PdfSignatureVerifier;
import pe.gob.pcm.platform.signature.SignatureVerification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * Upload and download of documents. Camunda Forms in the 7.24 Tasklist have no file field, so
 * a user uploads here (page {@code /documentos/subir.html}, linked from every form that asks
 * for a PDF) and writes the returned code in the form; the process then checks the code.
 */
@RestController
@RequestMapping("/api/documentos")
@Tag(name = "Documentos", description = "Subida y descarga de documentos PDF para los formularios de Tasklist:"
    + " el código que devuelve la subida se escribe en el formulario (página /documentos/subir.html)")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class DocumentController {

  private final DocumentStore store;
  private final ObjectProvider<DemoSigning> demoSigning;
  private final PdfSignatureVerifier verifier;

  public DocumentController(DocumentStore store, ObjectProvider<DemoSigning> demoSigning,
      PdfSignatureVerifier verifier) {
    this.store = store;
    this.verifier = verifier;
    this.demoSigning = demoSigning;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Subir un documento PDF",
      description = "Guarda el PDF en nombre de la entidad del usuario, con su huella SHA-256 y, si está firmado,"
          + " el resultado de verificar la firma. Devuelve el código del documento para el formulario.")
  @ApiResponse(responseCode = "201", description = "Guardado: id, nombre, tipo, tamano, sha256, subidoPor, subidoEn"
      + " y firma")
  @ApiResponse(responseCode = "400", description = "Falta el archivo, no es un PDF, o se pidió la firma de"
      + " demostración fuera del perfil demo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "413", description = "El archivo supera el tamaño máximo permitido",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> upload(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "El documento PDF (multipart/form-data)")
      @RequestParam(name = "archivo", required = false) MultipartFile file,
      @Parameter(description = "Firmar con el certificado de demostración (solo en el perfil demo)")
      @RequestParam(name = "firmarDemo", defaultValue = "false") boolean signWithDemoCertificate)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(List.of(
          new FieldError("archivo", "Archivo", "es obligatorio: elija un PDF")));
    }
    byte[] content = file.getBytes();
    if (signWithDemoCertificate) {
      DemoSigning signing = demoSigning.getIfAvailable();
      if (signing == null) {
        throw new InvalidInputException(List.of(new FieldError("firmarDemo",
            "Firma de demostración", "solo está disponible en el perfil de demostración")));
      }
      content = signing.sign(user.id(), content);
    }
    StoredDocument document = store.storePdf(user.id(), user.entityRuc(), file.getOriginalFilename(), content);
    return ResponseEntity.status(HttpStatus.CREATED).body(describe(document));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Consultar los datos de un documento",
      description = "Nombre, tipo, tamaño, huella, quién lo subió y cuándo, y la firma. Solo quien puede verlo: su"
          + " entidad, o quien ve un proceso que lo usa.")
  @ApiResponse(responseCode = "200", description = "Los datos del documento")
  @ApiResponse(responseCode = "404", description = "No existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> metadata(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Código del documento") @PathVariable String id) {
    return store.find(id).filter(d -> store.canRead(user, d))
        .map(d -> ResponseEntity.ok(describe(d)))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Documento no encontrado."));
  }

  /**
   * Verifies the document's digital signature now, as the process will when the form is sent,
   * records the result on the document and answers it: the forms show it before the person sends.
   */
  @GetMapping("/{id}/firma")
  @Operation(summary = "Verificar la firma digital de un documento",
      description = "Verifica la firma como lo hará el proceso al enviar el formulario y guarda el resultado en el"
          + " documento. Los formularios de Tasklist la muestran junto al campo antes de enviar.")
  @ApiResponse(responseCode = "200", description = "estado (VALID, UNSIGNED, REVOKED, MODIFIED_AFTER_SIGNING,"
      + " UNTRUSTED_SIGNER...: docs/firmas.md), valida, firmante, fechaFirma, mensaje en castellano y cada firma"
      + " (firmante, nivel PAdES, estado, selladoEn, mensaje)")
  @ApiResponse(responseCode = "404", description = "No existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> signature(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Código del documento") @PathVariable String id) {
    StoredDocument d = store.find(id).filter(doc -> store.canRead(user, doc))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Documento no encontrado."));
    SignatureVerification result = verifier.verify(store.content(d.id()));
    store.recordSignature(d.id(), result);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("estado", result.status().name());
    body.put("valida", result.valid());
    body.put("firmante", result.signerName());
    body.put("fechaFirma", result.signingTime() == null ? null : result.signingTime().toString());
    body.put("mensaje", result.message());
    body.put("firmas", result.signatures().stream().map(c -> {
      Map<String, Object> one = new java.util.LinkedHashMap<>();
      one.put("firmante", c.signerName());
      one.put("nivel", c.level());
      one.put("estado", c.status() == null ? null : c.status().toString());
      one.put("selladoEn", c.timestampTime() == null ? null : c.timestampTime().toString());
      one.put("mensaje", c.message());
      return one;
    }).toList());
    return ResponseEntity.ok(body);
  }

  @GetMapping("/{id}/contenido")
  @Operation(summary = "Descargar el contenido de un documento",
      description = "El archivo tal como se subió (en línea, con su nombre). Solo quien puede verlo.")
  @ApiResponse(responseCode = "200", description = "El archivo",
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "404", description = "No existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<byte[]> content(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Código del documento") @PathVariable String id) {
    return store.find(id).filter(d -> store.canRead(user, d))
        .map(d -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(d.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                    .build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(store.content(d.id())))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Documento no encontrado."));
  }

  private Map<String, Object> describe(StoredDocument d) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("id", d.id());
    body.put("nombre", d.fileName());
    body.put("tipo", d.mediaType());
    body.put("tamano", d.sizeBytes());
    body.put("sha256", d.sha256());
    body.put("subidoPor", d.uploadedBy());
    body.put("subidoEn", d.uploadedAt().toString());
    if (d.signatureStatus() != null) {
      body.put("firma", d.signatureStatus());
      body.put("firmaMensaje", store.signatureMessage(d.id()));
      List<Map<String, Object>> signatures = new java.util.ArrayList<>();
      for (var check : store.signatures(d.id())) {
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put("orden", check.position());
        one.put("firmante", check.signerName());
        one.put("nivel", check.level());
        one.put("estado", check.status().name());
        one.put("mensaje", check.message());
        one.put("fechaFirma", check.claimedSigningTime() == null ? null : check.claimedSigningTime().toString());
        one.put("selloDeTiempo", check.timestampTime() == null ? null : check.timestampTime().toString());
        one.put("revision", check.revision() + " de " + check.revisions());
        signatures.add(one);
      }
      body.put("firmas", signatures);
    }
    return body;
  }
}
