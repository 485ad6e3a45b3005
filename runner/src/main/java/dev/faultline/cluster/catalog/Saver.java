package dev.faultline.cluster.catalog;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Who saves: the operating-system user, which names a person, followed by the kubeconfig user in
 * parentheses when there is one, which names the credentials the API server saw ({@code alice
 * (kind-admin)}).
 */
final class Saver {
  private Saver() {}

  static String describe(KubernetesClient client) {
    String person = System.getProperty("user.name", "");
    String kubeUser = kubeUser(client);
    if (kubeUser.isEmpty() || kubeUser.equals(person)) {
      return person;
    }
    return person.isEmpty() ? kubeUser : person + " (" + kubeUser + ")";
  }

  private static String kubeUser(KubernetesClient client) {
    NamedContext context = client.getConfiguration().getCurrentContext();
    if (context == null || context.getContext() == null || context.getContext().getUser() == null) {
      return "";
    }
    return context.getContext().getUser();
  }
}
