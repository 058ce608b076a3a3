package pe.gob.pcm.platform.pide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entities the PIDE relays documents to, with the URL of each one's {@code wsiotramite}: the
 * configured directory ({@code platform.pide.local.directory}) plus what the MPV procedure
 * registered on go-live (table {@code pide_directorio}), the latter winning for the same RUC.
 * The local PIDE answers from it; against the real PIDE it is the record of what went live.
 */
@Component
public class PideDirectory {

  private final PideProperties properties;
  private final PideDirectoryMapper mapper;

  public PideDirectory(PideProperties properties, PideDirectoryMapper mapper) {
    this.properties = properties;
    this.mapper = mapper;
  }

  /** Every entry, configured ones first, in a stable order. */
  public List<PideProperties.DirectoryEntry> entries() {
    Map<String, PideProperties.DirectoryEntry> byRuc = new LinkedHashMap<>();
    for (PideProperties.DirectoryEntry entry : properties.local().directory()) {
      byRuc.put(entry.ruc(), entry);
    }
    for (PideDirectoryMapper.Registered row : mapper.findAll()) {
      byRuc.put(row.ruc(), new PideProperties.DirectoryEntry(row.ruc(), row.name(), row.category(), row.url()));
    }
    return new ArrayList<>(byRuc.values());
  }

  public Optional<PideProperties.DirectoryEntry> find(String ruc) {
    if (ruc == null) {
      return Optional.empty();
    }
    PideDirectoryMapper.Registered row = mapper.find(ruc);
    if (row != null) {
      return Optional.of(new PideProperties.DirectoryEntry(row.ruc(), row.name(), row.category(), row.url()));
    }
    return properties.local().directory().stream().filter(e -> e.ruc().equals(ruc)).findFirst();
  }

  /** Registers (or moves) an entity's production wsiotramite. Repeating it changes nothing more. */
  @Transactional
  public void register(String ruc, String name, int category, String url, String processInstanceId) {
    if (mapper.update(ruc, name, category, url, processInstanceId) == 0) {
      mapper.insert(ruc, name, category, url, processInstanceId);
    }
  }

  public Optional<PideDirectoryMapper.Registered> registered(String ruc) {
    return Optional.ofNullable(mapper.find(ruc));
  }
}
