package pe.gob.pcm.platform.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.Problems;

/**
 * Spring Boot's error page, except for the own API: a refusal decided before any controller is
 * chosen (a method or a Content-Type the route does not serve, a path that does not exist under
 * {@code /api/}) reaches {@code /error} without passing through config/ApiExceptionHandler, and is
 * answered here as the same Problem Details. Everything else keeps Boot's page and JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorController extends BasicErrorController {

  private final ErrorAttributes errors;

  public ApiErrorController(ErrorAttributes errors, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    super(errors, server.getError(), resolvers.orderedStream().toList());
    this.errors = errors;
  }

  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!ownApi(request)) {
      return super.errorHtml(request, response);
    }
    ProblemDetail problem = problem(request);
    try {
      Problems.write(request, response, problem.getStatus(), problem.getDetail());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!ownApi(request)) {
      return super.error(request);
    }
    ProblemDetail problem = problem(request);
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.body(problem));
  }

  private static boolean ownApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/cuentas/api/");
  }

  private ProblemDetail problem(HttpServletRequest request) {
    HttpStatusCode status = getStatus(request);
    Throwable error = errors.getError(new ServletWebRequest(request));
    List<FieldError> fields = new ArrayList<>();
    String detail;
    if (error instanceof Exception exception) {
      detail = ApiExceptionHandler.spanish(exception, status, fields);
    } else if (status.value() == HttpStatus.NOT_FOUND.value()) {
      detail = "No existe la ruta pedida.";
    } else {
      detail = Problems.Kind.of(status.value()).title() + ".";
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return Problems.of(status, detail, fields, uri == null ? null : uri.toString());
  }
}
