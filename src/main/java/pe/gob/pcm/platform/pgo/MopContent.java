package pe.gob.pcm.platform.pgo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A MOP's own content, as data ({@code mop} in the structure format): the programa or proyecto
 * especial it organises, its adscription, and its articles (each required one by code, see
 * {@code platform.pgo.mop.required-articles}). Its units are the structure's {@code unidades}.
 *
 * @param kind {@code tipo}: PROGRAMA or PROYECTO_ESPECIAL
 * @param name {@code nombre} of the programa or proyecto
 * @param acronym {@code sigla}
 * @param adscription {@code adscripcion}: the entity it belongs to
 * @param objective {@code objetivo}
 * @param creationNorm {@code normaCreacion}: the norm that created it
 * @param articles {@code articulos}
 */
public record MopContent(@JsonProperty("tipo") String kind, @JsonProperty("nombre") String name,
    @JsonProperty("sigla") String acronym, @JsonProperty("adscripcion") Adscription adscription,
    @JsonProperty("objetivo") String objective, @JsonProperty("normaCreacion") String creationNorm,
    @JsonProperty("articulos") List<Article> articles) {

  public static final List<String> KINDS = List.of("PROGRAMA", "PROYECTO_ESPECIAL");
  public static final List<String> ADSCRIPTIONS = List.of("MINISTERIO", "ORGANISMO_PUBLICO");

  @JsonProperty("articulos")
  public List<Article> articles() {
    return articles == null ? List.of() : articles;
  }

  /**
   * @param kind {@code tipo}: MINISTERIO or ORGANISMO_PUBLICO (decides the approval instrument)
   * @param entity {@code entidad}: its name
   */
  public record Adscription(@JsonProperty("tipo") String kind, @JsonProperty("entidad") String entity) {}

  /** One article: {@code codigo} (a required article's code, or any other) and {@code texto}. */
  public record Article(@JsonProperty("codigo") String code, @JsonProperty("titulo") String title,
      @JsonProperty("texto") String text) {}
}
