package pe.gob.pcm.platform.signature;

/**
 * Signs a cargo with the receiving entity's key. The demo profile signs with a demo certificate
 * issued per entity; production needs the entity's own certificate (not yet configurable: see
 * docs/processes/tramite.md).
 */
public interface CargoSigner {
  byte[] sign(String entityRuc, String entityName, byte[] pdf);
}
