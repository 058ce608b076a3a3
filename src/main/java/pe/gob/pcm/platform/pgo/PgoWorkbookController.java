package pe.gob.pcm.platform.pgo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The expediente's structure as an XLSX workbook (docs/processes/pgo.md, «Importar y exportar la
 * estructura»): the empty template, the current structure in it, and importing a filled one,
 * saved as the editor's save is. Reading and editing follow the structure's own rules
 * ({@link PgoStructureAccess}).
 */
@RestController
@RequestMapping("/api/pgo")
@Tag(name = "ROF/MOP")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PgoWorkbookController {

  private final PgoMapper mapper;
  private final PgoStructures structures;
  private final PgoStructureAccess access;
  private final int maxRows;
  private final DataSize maxSize;

  public PgoWorkbookController(PgoMapper mapper, PgoStructures structures, PgoStructureAccess access,
      @Value("${platform.pgo.workbook.max-rows:500}") int maxRows,
      @Value("${platform.pgo.workbook.max-size:2MB}") DataSize maxSize) {
    this.mapper = mapper;
    this.structures = structures;
    this.access = access;
    this.maxRows = Math.min(maxRows, OrgStructure.MAX_UNITS);
    this.maxSize = maxSize;
  }

  @GetMapping(value = "/plantilla-estructura.xlsx", produces = StructureWorkbookWriter.MEDIA_TYPE)
  @Operation(summary = "Plantilla XLSX de la estructura",
      description = "Libro vacío con la hoja «Estructura» (encabezados y listas para la clase y el tipo de órgano) y la"
          + " hoja «Instrucciones» (cada columna y los valores permitidos).")
  @ApiResponse(responseCode = "200", description = "La plantilla",
      content = @Content(mediaType = StructureWorkbookWriter.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
  public ResponseEntity<byte[]> template() {
    return xlsx("plantilla-estructura.xlsx", StructureWorkbookWriter.template(maxRows));
  }

  @GetMapping(value = "/expedientes/{id}/estructura.xlsx", produces = StructureWorkbookWriter.MEDIA_TYPE)
  @Operation(summary = "Estructura del expediente en XLSX",
      description = "La última versión de la estructura en la plantilla: importarla de nuevo no cambia nada. Quien ve"
          + " el expediente.")
  @ApiResponse(responseCode = "200", description = "La estructura, una fila por unidad",
      content = @Content(mediaType = StructureWorkbookWriter.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "404", description = "El expediente no existe, no tiene estructura o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<byte[]> export(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id) {
    access.readable(user, id);
    PgoMapper.Structure latest = mapper.latestStructure(id);
    if (latest == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El expediente todavía no tiene estructura.");
    }
    OrgStructure structure = OrgStructure.parse(latest.content(), "estructura", "Estructura");
    return xlsx("estructura-expediente-" + id + "-v" + latest.version() + ".xlsx",
        StructureWorkbookWriter.write(structure, maxRows));
  }

  @PostMapping(value = "/expedientes/{id}/estructura.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Importar la estructura desde un XLSX",
      description = "Lee la hoja «Estructura» de la plantilla y la guarda como una versión nueva, como el guardado del"
          + " editor (con las reglas de estructura). Todo o nada: si alguna fila tiene un error no se guarda nada y se"
          + " responde cada error con su fila y columna. Solo la oficina de planeamiento (ogpp) de la entidad, mientras"
          + " el expediente está en formulación o subsanación.")
  @ApiResponse(responseCode = "200", description = "Guardada: version, cambio, unidades, errores, advertencias y"
      + " hallazgos (igual que el guardado del editor)")
  @ApiResponse(responseCode = "400", description = "Falta el archivo, no es un XLSX legible, o hay celdas rechazadas"
      + " (en errores, cada una con fila, columna, campo y mensaje); no se guardó nada",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "403", description = "Escritura con la sesión de Tasklist enviada desde otro sitio",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "404", description = "El expediente no existe o el usuario no puede verlo",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  @ApiResponse(responseCode = "409", description = "El usuario no es la oficina de planeamiento de la entidad, o el"
      + " expediente no está en formulación ni subsanación",
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public ResponseEntity<Map<String, Object>> importWorkbook(
      @RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user,
      @Parameter(description = "Número del expediente") @PathVariable long id,
      @Parameter(description = "La plantilla llena (.xlsx), en multipart/form-data")
      @RequestPart(name = "archivo", required = false) MultipartFile file) {
    PgoStructures.Saved saved = access.edit(user, id, () -> {
      OrgStructure units = StructureWorkbook.read(content(file), maxRows);
      return structures.saveUnits(id, units, user.id());
    });
    return ResponseEntity.ok(PgoController.answer(saved));
  }

  private byte[] content(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("archivo", "Archivo", "es obligatorio: elija la plantilla XLSX llena");
    }
    if (file.getSize() > maxSize.toBytes()) {
      throw new InvalidInputException("archivo", "Archivo", "supera " + maxSize.toKilobytes() + " KB");
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new InvalidInputException("archivo", "Archivo", "no se pudo recibir completo: vuelva a subirlo");
    }
  }

  private static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(StructureWorkbookWriter.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(content);
  }
}
