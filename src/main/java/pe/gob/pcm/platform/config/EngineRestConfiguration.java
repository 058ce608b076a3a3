package pe.gob.pcm.platform.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * Camunda's REST API, plus one translation: the engine wraps an exception thrown by a task
 * listener ("ENGINE-03051 There was an exception while invoking the TaskListener…"), so a form
 * refused by the platform would reach Tasklist as a 500 with that prefix. Here it becomes what
 * it is: 400 with the Spanish message naming the fields.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineExceptionMapper.class);
    register(RestExceptionMapper.class);
  }

  /** Engine exceptions thrown straight out of a resource (e.g. a start form's listener). */
  @Priority(1)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return InvalidInputException.in(exception).map(EngineRestConfiguration::badRequest)
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Resources such as task submit-form wrap engine exceptions in a RestException (500). */
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return InvalidInputException.in(exception).map(EngineRestConfiguration::badRequest)
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  static Response badRequest(InvalidInputException invalid) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidInputException.class.getSimpleName());
    body.put("message", invalid.getMessage());
    body.put("errores", invalid.errors().stream()
        .map(f -> Map.of("campo", f.field(), "mensaje", f.message())).toList());
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
