package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBytesTest {
  @Test
  void encodesRequestLineHostHeadersAndBody() {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Authorization", "Bearer t0ken");
    headers.put("Content-Type", "application/json");
    var request =
        RequestBytes.of(
            URI.create("http://shop.example:8080/cart/add?sku=9"), "PUT", headers, "{\"n\":\"é\"}");

    assertThat(new String(request.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "PUT /cart/add?sku=9 HTTP/1.1\r\n"
                + "Host: shop.example:8080\r\n"
                + "Authorization: Bearer t0ken\r\n"
                + "Content-Type: application/json\r\n"
                + "User-Agent: faultline-load\r\n"
                + "Accept: */*\r\n"
                + "Content-Length: 10\r\n"
                + "\r\n"
                + "{\"n\":\"é\"}");
  }

  @Test
  void defaultPortAndEmptyPathAreLeftOutOrFilledIn() {
    var request = RequestBytes.of(URI.create("http://shop.example"), "GET", Map.of(), null);

    assertThat(new String(request.bytes(), StandardCharsets.ISO_8859_1))
        .startsWith("GET / HTTP/1.1\r\nHost: shop.example\r\n");
  }

  @Test
  void refusesHeadersThatWouldBreakTheRequest() {
    URI uri = URI.create("http://x/");
    assertThatThrownBy(() -> RequestBytes.of(uri, "GET", Map.of("Host", "other"), null))
        .hasMessage("header 'Host' is set by the load generator");
    assertThatThrownBy(() -> RequestBytes.of(uri, "GET", Map.of("X-A", "1\r\nX-B: 2"), null))
        .hasMessage("header 'X-A' has a line break in its value");
    assertThatThrownBy(() -> RequestBytes.of(uri, "GET", Map.of("Bad Name", "1"), null))
        .hasMessage("'Bad Name' is not a valid header name");
  }
}
