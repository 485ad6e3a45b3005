package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosmesh.dns} → DNSChaos: {@code action} error or random, for the domains matching {@code
 * patterns} (all when none). Chaos Mesh allows {@code ?} for one character and {@code *} only at
 * the end of a pattern.
 */
final class DnsChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.dns";
  private static final Pattern DOMAIN_PATTERN = Pattern.compile("[A-Za-z0-9?._-]+\\*?|\\*");

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    spec.put("action", params.string("action"));
    List<String> patterns = params.stringList("patterns");
    if (!patterns.isEmpty()) {
      ArrayNode list = spec.putArray("patterns");
      for (String pattern : patterns) {
        if (!DOMAIN_PATTERN.matcher(pattern).matches()) {
          throw new ChaosParamException(
              ID,
              "'patterns' has '"
                  + pattern
                  + "'; a pattern is a domain name with ? for one character and * only at the"
                  + " end, such as payments.svc.cluster.local or api.example.*");
        }
        list.add(pattern);
      }
    }
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    List<String> patterns = params.stringList("patterns");
    return "DNS "
        + (params.string("action").equals("error") ? "errors" : "random answers")
        + " for "
        + (patterns.isEmpty() ? "every domain" : String.join(", ", patterns));
  }
}
