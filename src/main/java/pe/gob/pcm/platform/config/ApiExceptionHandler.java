package pe.gob.pcm.platform.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;
import pe.gob.pcm.platform.validation.Problems;

/**
 * Every refusal of the platform's own controllers as Problem Details (RFC 9457, validation/Problems):
 * the platform's own refusals ({@link InvalidInputException} with its fields, a
 * {@code ResponseStatusException} with its Spanish reason) and Spring MVC's (a body that is not
 * JSON, a parameter of the wrong type, a method or media type not served...), each with a
 * Spanish {@code detail} and, where it is a field, the field. No stack trace ever reaches the caller;
 * an unexpected error is logged here with the reference the caller is given.
 */
@RestControllerAdvice(basePackages = "pe.gob.pcm.platform")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
    return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors(), request.getRequestURI()));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return tooLarge(request);
    }
    return Problems.response(Problems.of(HttpStatus.BAD_REQUEST,
        "La solicitud debe enviar el archivo como multipart/form-data en el campo 'archivo'.",
        List.of(new FieldError("archivo", "Archivo", "debe enviarse como multipart/form-data")),
        request.getRequestURI()));
  }

  /** Anything not foreseen: 500, logged with a reference the caller can quote; no trace sent. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String reference = Long.toString(System.currentTimeMillis(), 36) + "-" + Integer.toString(e.hashCode(), 36);
    LOG.error("Error no previsto en {} {} (referencia {})", request.getMethod(), request.getRequestURI(), reference, e);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Ocurrió un error interno y no se completó"
        + " la operación; nada quedó a medias. Intente de nuevo y, si persiste, informe la referencia " + reference
        + " a la Mesa de Ayuda.", null, request.getRequestURI());
    problem.setProperty("referencia", reference);
    return Problems.response(problem);
  }

  private static ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
    return Problems.response(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "El archivo supera el tamaño máximo permitido.",
        List.of(new FieldError("archivo", "Archivo", "supera el tamaño máximo permitido")), request.getRequestURI()));
  }

  /**
   * Spring MVC's own refusals (and {@code ResponseStatusException}, an ErrorResponse too) all pass
   * here: their detail, in English from the framework, is replaced by a Spanish one.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<FieldError> fields = new ArrayList<>();
    String detail = spanish(ex, status, fields);
    String path = request instanceof NativeWebRequest nativeRequest
        && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet ? servlet.getRequestURI() : null;
    ProblemDetail problem = Problems.of(status, detail, fields, path);
    HttpHeaders answerHeaders = new HttpHeaders();
    if (headers != null) {
      answerHeaders.putAll(headers);
    }
    answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, answerHeaders, status);
  }

  /** The Spanish detail for one of Spring MVC's refusals; the fields it names are added to {@code fields}. */
  static String spanish(Exception ex, HttpStatusCode status, List<FieldError> fields) {
    if (ex instanceof HttpMessageNotReadableException unreadable) {
      return unreadable(unreadable, fields);
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      fields.add(new FieldError(missing.getParameterName(), missing.getParameterName(), "es obligatorio"));
      return "Falta el parámetro «" + missing.getParameterName() + "».";
    }
    if (ex instanceof MissingServletRequestPartException missing) {
      fields.add(new FieldError(missing.getRequestPartName(), missing.getRequestPartName(), "es obligatorio"));
      return "Falta la parte «" + missing.getRequestPartName() + "» de la solicitud multipart/form-data.";
    }
    if (ex instanceof MissingPathVariableException missing) {
      return "Falta «" + missing.getVariableName() + "» en la ruta.";
    }
    if (ex instanceof TypeMismatchException mismatch) {
      String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "valor";
      String expected = mismatch.getRequiredType() == null ? null : switch (mismatch.getRequiredType().getSimpleName()) {
        case "int", "Integer", "long", "Long" -> "un número entero";
        case "LocalDate" -> "una fecha AAAA-MM-DD";
        case "boolean", "Boolean" -> "true o false";
        default -> null;
      };
      String reason = "«" + mismatch.getValue() + "» no es un valor válido" + (expected == null ? "" : "; debe ser " + expected);
      fields.add(new FieldError(name, name, reason));
      return "Revise los datos ingresados. " + name + ": " + reason + ".";
    }
    if (ex instanceof MethodArgumentNotValidException notValid) {
      notValid.getFieldErrors().forEach(f -> fields.add(new FieldError(f.getField(), f.getField(),
          f.getDefaultMessage() == null ? "no es válido" : f.getDefaultMessage())));
      return "Revise los datos ingresados. " + fields.stream().map(FieldError::message).collect(Collectors.joining(" "));
    }
    if (ex instanceof HandlerMethodValidationException notValid) {
      notValid.getParameterValidationResults().forEach(result -> {
        String name = result.getMethodParameter().getParameterName();
        result.getResolvableErrors().forEach(error -> fields.add(new FieldError(name, name,
            error.getDefaultMessage() == null ? "no es válido" : error.getDefaultMessage())));
      });
      return "Revise los datos ingresados. " + fields.stream().map(FieldError::message).collect(Collectors.joining(" "));
    }
    if (ex instanceof HttpRequestMethodNotSupportedException method) {
      return "Esta ruta no admite el método " + method.getMethod() + (method.getSupportedHttpMethods() == null
          ? "." : "; admite " + method.getSupportedHttpMethods().stream().map(Object::toString)
              .collect(Collectors.joining(", ")) + ".");
    }
    if (ex instanceof HttpMediaTypeNotSupportedException media) {
      // what the operation reads, without the converters' wildcards and YAML, which no form sends
      List<String> accepted = media.getSupportedMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype())
          .filter(t -> !t.contains("*") && !t.endsWith("yaml")).distinct().toList();
      return "El tipo de contenido " + (media.getContentType() == null ? "(ninguno)"
          : media.getContentType().getType() + "/" + media.getContentType().getSubtype())
          + " no es admitido" + (accepted.isEmpty() ? "." : "; envíe " + String.join(" o ", accepted) + ".");
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException) {
      return "La respuesta no está disponible en el formato pedido (cabecera Accept).";
    }
    if (ex instanceof NoResourceFoundException) {
      return "No existe la ruta pedida.";
    }
    if (ex instanceof MaxUploadSizeExceededException) {
      fields.add(new FieldError("archivo", "Archivo", "supera el tamaño máximo permitido"));
      return "El archivo supera el tamaño máximo permitido.";
    }
    if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null
        && ex instanceof org.springframework.web.server.ResponseStatusException) {
      // the platform's own ResponseStatusException: its reason is already Spanish
      return response.getBody().getDetail();
    }
    return Problems.Kind.of(status.value()).title() + ".";
  }

  private static String unreadable(HttpMessageNotReadableException e, List<FieldError> fields) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      fields.add(new FieldError(field, field, "no tiene el tipo esperado"));
      return "Revise los datos ingresados. " + field + ": no tiene el tipo esperado.";
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation at = json.getLocation();
      return "El cuerpo de la solicitud no es JSON válido (línea " + at.getLineNr() + ", columna " + at.getColumnNr() + ").";
    }
    return "Falta el cuerpo de la solicitud o no se puede leer.";
  }
}
