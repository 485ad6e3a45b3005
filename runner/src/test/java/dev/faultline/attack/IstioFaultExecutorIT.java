package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** mesh.istio.fault against the sandbox's VirtualServices: patch and restore, create and delete. */
class IstioFaultExecutorIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String API = "networking.istio.io/v1";

  @TempDir static Path dir;
  private static AttackFixture cluster;
  private final IstioFaultExecutor executor = new IstioFaultExecutor();

  @BeforeAll
  static void start() throws Exception {
    cluster = AttackFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void anExistingVirtualServiceGetsTheFaultInEveryRouteAndIsRestoredExactly() throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: shop
          labels: {app: reviews, team: web}
          annotations: {owner: web-team, kubectl.kubernetes.io/last-applied-configuration: "{}"}
        spec:
          hosts: [reviews, reviews-canary.shop.svc.cluster.local]
          http:
            - name: jason
              match: [{headers: {end-user: {exact: jason}}}]
              route: [{destination: {host: reviews, subset: v2}}]
            - name: split
              fault: {abort: {httpStatus: 500, percentage: {value: 1}}}
              timeout: 2s
              route:
                - {destination: {host: reviews, subset: v1}, weight: 90}
                - {destination: {host: reviews, subset: v3}, weight: 10}
        """);
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: details, namespace: shop}
        spec:
          hosts: [details]
          http: [{route: [{destination: {host: details}}]}]
        """);
    ObjectNode before = read("shop", "reviews");
    ObjectNode detailsBefore = read("shop", "details");
    AttackRequest request =
        request(
            "reviews.shop.svc.cluster.local",
            "shop",
            Map.of("fixedDelay", "2s", "delayPercent", 50, "abortPercent", 10));

    List<Fault> faults = executor.prepare(request, cluster.context);

    assertThat(faults).hasSize(1);
    Fault fault = faults.getFirst();
    assertThat(fault.object())
        .isEqualTo(new ObjectRef(API, "VirtualService", "shop", "reviews", ""));
    assertThat(fault.action())
        .isEqualTo(
            "delay 2s for 50% and abort with 503 for 10% of requests in the 2 HTTP routes of"
                + " VirtualService shop/reviews, replacing the fault of 1, also reaching"
                + " reviews-canary.shop.svc.cluster.local (restored on rollback)");
    assertThat(read("shop", "reviews")).as("prepare changes nothing").isEqualTo(before);
    assertThat(executor.accessNeeds(request))
        .contains(
            AccessCheck.of("update", "networking.istio.io", "virtualservices", "shop"),
            AccessCheck.of("create", "networking.istio.io", "virtualservices", "shop"));

    executor.apply(fault, cluster.context);

    ObjectNode faulted = read("shop", "reviews");
    JsonNode expectedFault =
        JSON.readTree(
            """
            {"delay": {"fixedDelay": "2s", "percentage": {"value": 50}},
             "abort": {"httpStatus": 503, "percentage": {"value": 10}}}
            """);
    for (JsonNode route : faulted.path("spec").path("http")) {
      assertThat(VirtualServices.same(route.get("fault"), expectedFault))
          .as(route.toString())
          .isTrue();
    }
    assertThat(faulted.at("/spec/http/1/route/1/weight").asInt()).isEqualTo(10);
    assertThat(faulted.at("/spec/http/0/match/0/headers/end-user/exact").asString())
        .isEqualTo("jason");
    assertThat(faulted.at("/metadata/labels/team").asString()).isEqualTo("web");
    assertThat(FaultMarks.read(annotations(faulted))).containsExactly(fault);
    assertThat(annotations(faulted)).containsEntry("owner", "web-team");
    assertThat(executor.status(fault, cluster.context))
        .isEqualTo(
            FaultStatus.active(
                "the fault is in 2 of 2 HTTP routes of VirtualService shop/reviews"));
    assertThat(read("shop", "details"))
        .as("another host's VirtualService")
        .isEqualTo(detailsBefore);

    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);
    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);

    assertThat(withoutVersion(read("shop", "reviews")))
        .as("the VirtualService as it was, byte for byte apart from its resourceVersion")
        .isEqualTo(withoutVersion(before));
    assertThat(executor.status(fault, cluster.context).state())
        .isEqualTo(FaultStatus.State.RECOVERED);
  }

  @Test
  void withoutAVirtualServiceOneIsCreatedForTheHostAndDeletedOnRollback() throws Exception {
    Fault fault =
        executor
            .prepare(
                request("ratings", "payments", Map.of("abortPercent", 30, "abortStatus", 500)),
                cluster.context)
            .getFirst();
    assertThat(fault.action())
        .isEqualTo(
            "create VirtualService payments/faultline-ratings for"
                + " ratings.payments.svc.cluster.local: abort with 500 for 30% of requests (deleted"
                + " on rollback)");
    assertThat(find("payments", "faultline-ratings")).isNull();

    executor.apply(fault, cluster.context);

    ObjectNode created = read("payments", "faultline-ratings");
    assertThat(created.at("/metadata/labels").get(FaultAnnotations.CREATED_BY_RUN).asString())
        .isEqualTo("run-1");
    assertThat(FaultMarks.read(annotations(created))).containsExactly(fault);
    assertThat(created.at("/spec/hosts/0").asString())
        .isEqualTo("ratings.payments.svc.cluster.local");
    assertThat(created.at("/spec/http/0/route/0/destination/host").asString())
        .isEqualTo("ratings.payments.svc.cluster.local");
    assertThat(created.at("/spec/http/0/fault/abort/percentage/value").asDouble()).isEqualTo(30);
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.ACTIVE);

    executor.rollback(AttackFixture.roundTrip(fault), cluster.context);
    executor.rollback(fault, cluster.context);

    assertThat(find("payments", "faultline-ratings")).isNull();
    assertThat(executor.status(fault, cluster.context).state()).isEqualTo(FaultStatus.State.GONE);
  }

  @Test
  void everyFormOfTheHostFindsTheSameVirtualService() throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: catalog, namespace: monitoring}
        spec:
          hosts: [catalog]
          http: [{route: [{destination: {host: catalog}}]}]
        """);
    for (String host :
        List.of("catalog", "catalog.monitoring", "catalog.monitoring.svc.cluster.local")) {
      List<Fault> faults =
          executor.prepare(
              request(host, "monitoring", Map.of("fixedDelay", "1s")), cluster.context);
      assertThat(faults).as(host).extracting(f -> f.object().name()).containsExactly("catalog");
    }
    assertThat(
            executor
                .prepare(
                    request("catalog.shop", "monitoring", Map.of("fixedDelay", "1s")),
                    cluster.context)
                .getFirst()
                .action())
        .as("catalog in another namespace is another host")
        .startsWith("create VirtualService monitoring/faultline-catalog for");
  }

  @Test
  void aChangeBySomeoneElseIsKeptAndOnlyTheFaultIsTakenOut() throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: cart, namespace: default, labels: {app: cart}}
        spec:
          hosts: [cart]
          http: [{name: all, route: [{destination: {host: cart}}]}]
        """);
    Fault fault =
        executor
            .prepare(request("cart", "default", Map.of("fixedDelay", "300ms")), cluster.context)
            .getFirst();
    executor.apply(fault, cluster.context);
    ObjectNode changed = read("default", "cart");
    changed.withObjectProperty("metadata").withObjectProperty("labels").put("edited", "yes");
    ((ObjectNode) changed.at("/spec/http/0")).putObject("retries").put("attempts", 3);
    update(changed);

    assertThat(executor.status(fault, cluster.context).message())
        .endsWith("; someone else changed it since, so rollback takes out only the fault");
    executor.rollback(fault, cluster.context);

    ObjectNode after = read("default", "cart");
    assertThat(after.at("/spec/http/0").has("fault")).isFalse();
    assertThat(after.at("/spec/http/0/retries/attempts").asInt()).isEqualTo(3);
    assertThat(after.at("/metadata/labels/edited").asString()).isEqualTo("yes");
    assertThat(annotations(after))
        .doesNotContainKeys(FaultAnnotations.FAULT, FaultAnnotations.RUN_ID);
    executor.rollback(fault, cluster.context);
    assertThat(read("default", "cart").at("/spec/http/0/retries/attempts").asInt()).isEqualTo(3);
  }

  @Test
  void applyRefusesAVirtualServiceThatChangedAfterPrepare() throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: storefront, namespace: default}
        spec:
          hosts: [storefront]
          http: [{route: [{destination: {host: storefront}}]}]
        """);
    Fault fault =
        executor
            .prepare(request("storefront", "default", Map.of("abortPercent", 5)), cluster.context)
            .getFirst();
    ObjectNode changed = read("default", "storefront");
    changed.withObjectProperty("spec").withArrayProperty("gateways").add("mesh");
    update(changed);
    ObjectNode theirs = read("default", "storefront");

    assertThatThrownBy(() -> executor.apply(fault, cluster.context))
        .isInstanceOf(AttackException.class)
        .hasMessage(
            "VirtualService default/storefront changed after prepare, so the fault is not applied"
                + " (rollback would not restore what is there now)");
    executor.rollback(fault, cluster.context);
    assertThat(read("default", "storefront")).isEqualTo(theirs);
  }

  @Test
  void refusesASecondFaultOnOneVirtualServiceAndANamedOneThatDoesNotRouteTheHost()
      throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: checkout, namespace: kube-system}
        spec:
          hosts: [checkout]
          http: [{route: [{destination: {host: checkout}}]}]
        """);
    var anywhere = new NamespacePolicy(List.of(), List.of(), null);
    Fault first =
        executor
            .prepare(
                request("checkout", "kube-system", Map.of("fixedDelay", "1s"), anywhere),
                cluster.context)
            .getFirst();
    executor.apply(first, cluster.context);

    assertThatThrownBy(
            () ->
                executor.prepare(
                    request("checkout", "kube-system", Map.of("abortPercent", 50), anywhere),
                    cluster.context))
        .hasMessage(
            "VirtualService kube-system/checkout already carries Istio fault step#1 of run run-1;"
                + " two faults in one VirtualService would undo each other's rollback (roll the"
                + " other back first, e.g. with 'faultline cleanup')");
    var named = new LinkedHashMap<String, Object>(Map.of("fixedDelay", "1s"));
    named.put("virtualService", "checkout");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    request("payments-api.payments", "kube-system", named, anywhere),
                    cluster.context))
        .hasMessage(
            "VirtualService kube-system/checkout does not route host"
                + " payments-api.payments.svc.cluster.local (its hosts: checkout)");
    assertThatThrownBy(
            () ->
                executor.prepare(
                    request("checkout", "kube-system", Map.of("fixedDelay", "1s")),
                    cluster.context))
        .hasMessage("namespace kube-system is not permitted by spec.safety.namespaces");
    executor.rollback(first, cluster.context);
  }

  @Test
  void cleanupFindsAFaultByItsMarksAndRollsItBack() throws Exception {
    create(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ledger, namespace: payments}
        spec:
          hosts: [ledger]
          http: [{route: [{destination: {host: ledger}}]}]
        """);
    ObjectNode before = read("payments", "ledger");
    Fault fault =
        executor
            .prepare(request("ledger", "payments", Map.of("fixedDelay", "1s")), cluster.context)
            .getFirst();
    executor.apply(fault, cluster.context);

    var cleanup = new Cleanup(dir.resolve("state"), AttackExecutors.builtIn());
    Cleanup.Report report =
        cleanup.run(
            new Cleanup.Options(
                "faultline-sandbox", false, List.of("faultline-sandbox"), Set.of("run-1")),
            context -> new Cleanup.Cluster(cluster.client, false));

    assertThat(report.outcomes()).extracting(o -> o.leftover().fault()).containsExactly(fault);
    assertThat(report.clean()).as(report.toString()).isTrue();
    assertThat(withoutVersion(read("payments", "ledger"))).isEqualTo(withoutVersion(before));
  }

  @Test
  void rollbackAsksForARetryWhileTheApiIsDown() throws Exception {
    Fault fault =
        executor
            .prepare(
                request("prometheus", "monitoring", Map.of("fixedDelay", "1s")), cluster.context)
            .getFirst();
    executor.apply(fault, cluster.context);

    cluster.assertRollbackRetryableWhileApiIsDown(executor, fault);

    executor.rollback(fault, cluster.context);
    assertThat(find("monitoring", "faultline-prometheus")).isNull();
  }

  private static AttackRequest request(String host, String namespace, Map<String, Object> more) {
    return request(host, namespace, more, NamespacePolicy.DEFAULT);
  }

  private static AttackRequest request(
      String host, String namespace, Map<String, Object> more, NamespacePolicy policy) {
    var with = new LinkedHashMap<String, Object>();
    with.put("host", host);
    with.put("namespace", namespace);
    with.putAll(more);
    return AttackFixture.request(IstioFaultExecutor.ID, with, null, null, null, policy);
  }

  private static void create(String yaml) {
    GenericKubernetesResource object =
        cluster
            .client
            .getKubernetesSerialization()
            .unmarshal(yaml, GenericKubernetesResource.class);
    cluster
        .client
        .genericKubernetesResources(API, "VirtualService")
        .inNamespace(object.getMetadata().getNamespace())
        .resource(object)
        .create();
  }

  private static void update(ObjectNode object) {
    GenericKubernetesResource resource =
        cluster
            .client
            .getKubernetesSerialization()
            .unmarshal(object.toString(), GenericKubernetesResource.class);
    cluster
        .client
        .genericKubernetesResources(API, "VirtualService")
        .inNamespace(resource.getMetadata().getNamespace())
        .resource(resource)
        .update();
  }

  private static GenericKubernetesResource find(String namespace, String name) {
    return cluster
        .client
        .genericKubernetesResources(API, "VirtualService")
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  private static ObjectNode read(String namespace, String name) {
    GenericKubernetesResource object = find(namespace, name);
    assertThat(object).as(namespace + "/" + name).isNotNull();
    return (ObjectNode) JSON.readTree(cluster.client.getKubernetesSerialization().asJson(object));
  }

  private static ObjectNode withoutVersion(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.withObjectProperty("metadata").remove(List.of("resourceVersion", "generation"));
    return copy;
  }

  private static Map<String, String> annotations(ObjectNode object) {
    var result = new LinkedHashMap<String, String>();
    object
        .path("metadata")
        .path("annotations")
        .properties()
        .forEach(e -> result.put(e.getKey(), e.getValue().asString()));
    return result;
  }
}
