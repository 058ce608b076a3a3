package pe.gob.pcm.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The personal data of a running process is sealed in ACT_RU_VARIABLE ({@link SealedVariables});
 * the people who work on the task (the engine has already checked they may read it) see it in
 * their form as entered. Only the variables of one task, read by GET through the engine API
 * (Tasklist's form and the REST API): Cockpit and queries keep showing the sealed text.
 */
public class PersonalDataDisplayFilter extends OncePerRequestFilter {

  private static final Pattern TASK_VARIABLES = Pattern.compile(".*/task/[^/]+/(form-variables|variables)/?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !TASK_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    byte[] shown = wrapper.getStatus() == 200 ? opened(body) : body;
    if (shown == body) {
      wrapper.copyBodyToResponse();
      return;
    }
    wrapper.resetBuffer();
    wrapper.getOutputStream().write(shown);
    wrapper.copyBodyToResponse();
  }

  /** The body with the sealed personal-data values opened, or the same array if there were none. */
  static byte[] opened(byte[] body) throws IOException {
    if (body.length == 0 || body[0] != '{') {
      return body;
    }
    JsonNode root = JSON.readTree(body);
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      JsonNode value = variable.getValue().get("value");
      if (PersonalDataHistoryLevel.PERSONAL_DATA_VARIABLES.contains(variable.getKey())
          && value != null && value.isTextual() && SealedVariables.isSealed(value.asText())) {
        String plain;
        try {
          plain = SealedVariables.open(value.asText());
        } catch (DataCipher.DataIntegrityException e) {
          plain = "(dato cifrado con una clave no disponible)";
        }
        ((ObjectNode) variable.getValue()).put("value", plain);
        changed = true;
      }
    }
    return changed ? JSON.writeValueAsBytes(root) : body;
  }
}
