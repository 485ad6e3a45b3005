package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.FaultAnnotations;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The VirtualService changes of mesh.istio.fault, on JSON, without a cluster. */
class VirtualServicesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Bookinfo's reviews: a header match for one user, a weighted split for everyone else. */
  private static final String REVIEWS =
      """
      {"apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
       "metadata": {"name": "reviews", "namespace": "bookinfo", "labels": {"app": "reviews"}},
       "spec": {
         "hosts": ["reviews", "reviews-canary.bookinfo.svc.cluster.local"],
         "http": [
           {"name": "jason", "match": [{"headers": {"end-user": {"exact": "jason"}}}],
            "route": [{"destination": {"host": "reviews", "subset": "v2"}}]},
           {"name": "split",
            "fault": {"abort": {"httpStatus": 500, "percentage": {"value": 1}}},
            "route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 90},
                      {"destination": {"host": "reviews", "subset": "v3"}, "weight": 10}],
            "timeout": "2s"}
         ],
         "tcp": [{"route": [{"destination": {"host": "reviews"}}]}]
       }}
      """;

  private static final JsonNode FAULT =
      JSON.readTree(
          """
          {"delay": {"fixedDelay": "2s", "percentage": {"value": 50.0}},
           "abort": {"httpStatus": 503, "percentage": {"value": 10.0}}}
          """);

  private static ObjectNode reviews() {
    return (ObjectNode) JSON.readTree(REVIEWS);
  }

  @Test
  void aVirtualServiceRoutesEveryFormOfItsHosts() {
    ObjectNode vs = reviews();
    assertThat(VirtualServices.routes(vs, MeshHost.of("reviews", "bookinfo"))).isTrue();
    assertThat(VirtualServices.routes(vs, MeshHost.of("reviews.bookinfo", "x"))).isTrue();
    assertThat(VirtualServices.routes(vs, MeshHost.of("reviews.bookinfo.svc.cluster.local", "x")))
        .isTrue();
    assertThat(VirtualServices.routes(vs, MeshHost.of("reviews-canary", "bookinfo"))).isTrue();
    assertThat(VirtualServices.routes(vs, MeshHost.of("reviews", "shop"))).isFalse();
    assertThat(VirtualServices.routes(vs, MeshHost.of("ratings", "bookinfo"))).isFalse();
    assertThat(VirtualServices.otherHosts(vs, MeshHost.of("reviews.bookinfo", "")))
        .containsExactly("reviews-canary.bookinfo.svc.cluster.local");
  }

  @Test
  void theFaultGoesIntoEveryHttpRouteAndNothingElseChanges() {
    ObjectNode vs = reviews();
    JsonNode spec = vs.get("spec");

    ObjectNode faulted = VirtualServices.withFault(spec, FAULT);

    assertThat(VirtualServices.httpRoutes(faulted)).isEqualTo(2);
    assertThat(VirtualServices.routesWithFault(faulted, FAULT)).isEqualTo(2);
    assertThat(VirtualServices.routesWithAnyFault(spec)).isEqualTo(1);
    for (int i = 0; i < 2; i++) {
      ObjectNode route = (ObjectNode) faulted.get("http").get(i).deepCopy();
      route.remove("fault");
      ObjectNode original = (ObjectNode) spec.get("http").get(i).deepCopy();
      original.remove("fault");
      assertThat(route).as("route %d apart from its fault", i).isEqualTo(original);
    }
    assertThat(faulted.get("hosts")).isEqualTo(spec.get("hosts"));
    assertThat(faulted.get("tcp")).isEqualTo(spec.get("tcp"));
    assertThat(spec).as("the input is not changed").isEqualTo(reviews().get("spec"));
  }

  @Test
  void numbersCompareByValueAsTheApiServerMayRewriteThem() {
    JsonNode rewritten =
        JSON.readTree(
            """
            {"delay": {"fixedDelay": "2s", "percentage": {"value": 50}},
             "abort": {"httpStatus": 503.0, "percentage": {"value": 10}}}
            """);
    assertThat(VirtualServices.same(FAULT, rewritten)).isTrue();
    ObjectNode faulted = VirtualServices.withFault(reviews().get("spec"), rewritten);
    assertThat(VirtualServices.routesWithFault(faulted, FAULT)).isEqualTo(2);
    assertThat(VirtualServices.same(FAULT, JSON.readTree("{\"delay\": {}}"))).isFalse();
  }

  @Test
  void takingTheFaultOutKeepsAnotherChangeAndGivesBackARouteItsOwnFault() {
    JsonNode previous = reviews().get("spec");
    ObjectNode changed = VirtualServices.withFault(previous, FAULT);
    // Someone else meanwhile added a retry policy to the first route and a third route.
    ((ObjectNode) changed.get("http").get(0)).putObject("retries").put("attempts", 3);
    changed.withArrayProperty("http").addObject().put("name", "added").set("fault", FAULT);

    ObjectNode cleaned = VirtualServices.withoutFault(changed, FAULT, previous);

    assertThat(VirtualServices.routesWithFault(cleaned, FAULT)).isZero();
    assertThat(cleaned.get("http").get(0).has("fault")).isFalse();
    assertThat(cleaned.get("http").get(0).get("retries").get("attempts").asInt()).isEqualTo(3);
    assertThat(cleaned.get("http").get(1).get("fault"))
        .as("the route's own fault is back")
        .isEqualTo(previous.get("http").get(1).get("fault"));
    assertThat(cleaned.get("http").get(2).has("fault")).isFalse();
    assertThat(cleaned.get("http").get(2).get("name").asString()).isEqualTo("added");
  }

  @Test
  void withoutAnyVirtualServiceANewOneRoutesTheHostToItself() {
    ObjectNode created =
        VirtualServices.created(
            "networking.istio.io/v1beta1",
            "faultline-ratings",
            "bookinfo",
            MeshHost.of("ratings", "bookinfo"),
            FAULT);

    assertThat(created)
        .isEqualTo(
            JSON.readTree(
                """
                {"apiVersion": "networking.istio.io/v1beta1", "kind": "VirtualService",
                 "metadata": {"name": "faultline-ratings", "namespace": "bookinfo"},
                 "spec": {
                   "hosts": ["ratings.bookinfo.svc.cluster.local"],
                   "http": [{"fault": %s,
                             "route": [{"destination": {"host": "ratings.bookinfo.svc.cluster.local"}}]}]}}
                """
                    .formatted(FAULT)));
    assertThat(VirtualServices.routes(created, MeshHost.of("ratings.bookinfo", ""))).isTrue();
  }

  @Test
  void restorablePartsLeaveOutFaultlinesOwnMarksOnly() {
    ObjectNode vs = reviews();
    ObjectNode annotations = vs.withObjectProperty("metadata").putObject("annotations");
    annotations.put("team", "bookinfo");
    ObjectNode before = VirtualServices.restorable(vs);
    annotations.put(FaultAnnotations.RUN_ID, "r-1");
    annotations.put(FaultAnnotations.FAULT, "[]");
    vs.withObjectProperty("metadata").put("resourceVersion", "42");

    assertThat(VirtualServices.restorable(vs)).isEqualTo(before);
    annotations.put("team", "payments");
    assertThat(VirtualServices.same(VirtualServices.restorable(vs), before)).isFalse();
  }
}
