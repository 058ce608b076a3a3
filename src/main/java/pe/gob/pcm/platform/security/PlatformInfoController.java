package pe.gob.pcm.platform.security;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is and whether this is the demo: what the platform's pages need to know. */
@RestController
public class PlatformInfoController {

  private final boolean demo;

  public PlatformInfoController(Environment environment) {
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  @GetMapping("/api/plataforma")
  public Map<String, Object> info(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user) {
    return Map.of("usuario", user.id(), "grupos", user.groupIds(), "entidades", user.tenantIds(),
        "demo", demo);
  }
}
