package pe.gob.pcm.platform.tramite;

import java.util.List;
import java.util.Map;

/** The raw wsiotramite envelopes of {@link Envelopes}, for tests in other packages. */
public final class TramiteTestEnvelopes {

  private TramiteTestEnvelopes() {}

  public static String newCuo() {
    return Envelopes.newCuo();
  }

  /** A valid document from {@code sender} to {@code receiver}. */
  public static String reception(String cuo, String sender, String receiver, byte[] pdf) {
    Map<String, String> fields = Envelopes.validDocument(cuo, pdf);
    fields.put("vrucentrem", sender);
    fields.put("vrucentrec", receiver);
    return Envelopes.recepcionar(fields, List.of());
  }
}
