package pe.gob.pcm.platform.tramite.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SoapGateTest {

  static MockHttpServletRequest post(String from, int length) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wsiotramite/Tramite");
    request.setRemoteAddr(from);
    request.setContent(new byte[length]);
    return request;
  }

  @Test
  void onlyTheConfiguredCallersGetThrough() throws Exception {
    SoapGate gate = new SoapGate(List.of("200.48.1.10"), 1024);

    MockHttpServletResponse refused = new MockHttpServletResponse();
    MockFilterChain refusedChain = new MockFilterChain();
    gate.doFilter(post("190.12.0.5", 10), refused, refusedChain);
    MockHttpServletResponse allowed = new MockHttpServletResponse();
    MockFilterChain allowedChain = new MockFilterChain();
    gate.doFilter(post("200.48.1.10", 10), allowed, allowedChain);

    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("<soap:Fault>").contains("Origen no autorizado: 190.12.0.5");
    assertThat(refusedChain.getRequest()).isNull();
    assertThat(allowedChain.getRequest()).isNotNull();
  }

  @Test
  void anEmptyListLetsAnyoneInButNeverAnOversizeMessage() throws Exception {
    SoapGate gate = new SoapGate(List.of(), 1024);

    MockHttpServletResponse small = new MockHttpServletResponse();
    MockFilterChain smallChain = new MockFilterChain();
    gate.doFilter(post("10.0.0.1", 1024), small, smallChain);
    MockHttpServletResponse big = new MockHttpServletResponse();
    MockFilterChain bigChain = new MockFilterChain();
    gate.doFilter(post("10.0.0.1", 1025), big, bigChain);

    assertThat(smallChain.getRequest()).isNotNull();
    assertThat(big.getStatus()).isEqualTo(413);
    assertThat(big.getContentAsString()).contains("<faultstring>Mensaje demasiado grande");
    assertThat(bigChain.getRequest()).isNull();
  }

  @Test
  void aBodyWithoutContentLengthIsCutOffOnceItPassesTheBound() throws Exception {
    SoapGate gate = new SoapGate(List.of(), 1024);
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/wsiotramite/Tramite") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    chunked.setContent(new byte[4096]);
    MockFilterChain chain = new MockFilterChain();

    gate.doFilter(chunked, new MockHttpServletResponse(), chain);

    var in = chain.getRequest().getInputStream();
    assertThat(in.readNBytes(1024)).hasSize(1024);
    org.assertj.core.api.Assertions.assertThatThrownBy(in::read)
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("Mensaje demasiado grande");
  }
}
