package pe.gob.pcm.platform.colabora;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collection of the Colabora model: {@code ${pideServices.codes()}}. */
@Component("pideServices")
public class PideServices {

  public List<String> codes() {
    return Arrays.stream(PideService.values()).map(Enum::name).toList();
  }

  public String nameOf(String code) {
    return PideService.valueOf(code).displayName();
  }
}
