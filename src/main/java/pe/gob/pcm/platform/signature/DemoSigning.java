package pe.gob.pcm.platform.signature;

/** Signs a PDF with a demo certificate for the given user (demo profile only). */
public interface DemoSigning {
  byte[] sign(String userId, byte[] pdf);
}
