package pe.gob.pcm.platform.signature;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The data loader DSS uses to fetch CRLs and OCSP answers: URLs published by an authority that
 * lives inside this JVM (the demo CA) are answered in-process, with no HTTP round trip to itself
 * and no dependency on the port the platform listens on; any other URL goes to the network
 * loader (with short timeouts, see {@link SignatureConfiguration}).
 */
public final class LocalFirstDataLoader implements DataLoader {

  private static final long serialVersionUID = 1L;

  private final transient DataLoader network;
  /** URL → answer for a request body (null for a GET). */
  private final transient Map<String, UnaryOperator<byte[]>> local = new ConcurrentHashMap<>();

  public LocalFirstDataLoader(DataLoader network) {
    this.network = network;
  }

  /** Answers {@code url} in-process from now on. */
  public LocalFirstDataLoader serve(String url, UnaryOperator<byte[]> answer) {
    if (url != null) {
      local.put(url, answer);
    }
    return this;
  }

  public boolean servesLocally(String url) {
    return local.containsKey(url);
  }

  @Override
  public byte[] get(String url) {
    UnaryOperator<byte[]> answer = local.get(url);
    return answer != null ? answer.apply(null) : network.get(url);
  }

  @Override
  public DataAndUrl get(List<String> urls) {
    for (String url : urls) {
      UnaryOperator<byte[]> answer = local.get(url);
      if (answer != null) {
        return new DataAndUrl(url, answer.apply(null));
      }
    }
    return network.get(urls);
  }

  @Override
  public byte[] post(String url, byte[] content) {
    UnaryOperator<byte[]> answer = local.get(url);
    return answer != null ? answer.apply(content) : network.post(url, content);
  }

  @Override
  public void setContentType(String contentType) {
    network.setContentType(contentType);
  }
}
