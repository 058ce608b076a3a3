package pe.gob.pcm.platform.pgo;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The structure in force of an entity: the approved and published ROF (or, for a programme or
 * project, MOP) that other procedures refer to, such as the owner units of its process map.
 */
@Service
public class CurrentStructures {

  /** The version in force and its structure. */
  public record Current(String documentType, int version, OrgStructure structure) {}

  private final PgoMapper mapper;

  public CurrentStructures(PgoMapper mapper) {
    this.mapper = mapper;
  }

  /** The entity's ROF in force, else its MOP in force; empty when it has neither on the platform. */
  public Optional<Current> of(String entityRuc) {
    for (String documentType : List.of("ROF", "MOP")) {
      Optional<PgoMapper.RofVersion> current = mapper.versions(entityRuc, documentType).stream()
          .filter(v -> "VIGENTE".equals(v.state())).reduce((a, b) -> b);
      if (current.isPresent()) {
        PgoMapper.RofVersion v = current.get();
        return Optional.of(new Current(documentType, v.version(),
            OrgStructure.parse(mapper.structure(v.structureId()).content(), "estructura", "Estructura vigente")));
      }
    }
    return Optional.empty();
  }
}
