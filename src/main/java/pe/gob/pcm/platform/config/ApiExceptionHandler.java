package pe.gob.pcm.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import pe.gob.pcm.platform.validation.InvalidInputException;

/** Refusals of the platform's own API: 400, the fields and the reasons in Spanish, no trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mensaje", e.getMessage());
    body.put("errores", e.errors().stream()
        .map(f -> Map.of("campo", f.field(), "mensaje", f.message())).toList());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of(
        "mensaje", "El archivo supera el tamaño máximo permitido.",
        "errores", List.of(Map.of("campo", "archivo",
            "mensaje", "Archivo: supera el tamaño máximo permitido."))));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
    return ResponseEntity.badRequest().body(Map.of(
        "mensaje", "La solicitud debe enviar el archivo como multipart/form-data en el campo 'archivo'."));
  }
}
