package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.demo.DemoServices;
import dev.faultline.sandbox.demo.Faults;
import dev.faultline.sandbox.demo.ServiceKey;

/**
 * Where simulated fault controllers put their effect on traffic: the demo HTTP service behind a
 * Kubernetes Service. Faults are layered by source ({@code networkchaos/shop/slow}) so several can
 * be active at once and each is removed on its own.
 */
public interface ServiceFaults {
  ServiceFaults NONE =
      new ServiceFaults() {
        @Override
        public void put(ServiceKey service, String source, Faults faults) {}

        @Override
        public void remove(ServiceKey service, String source) {}
      };

  void put(ServiceKey service, String source, Faults faults);

  void remove(ServiceKey service, String source);

  static ServiceFaults of(DemoServices services) {
    return new ServiceFaults() {
      @Override
      public void put(ServiceKey service, String source, Faults faults) {
        services.find(service).ifPresent(s -> s.putFault(source, faults));
      }

      @Override
      public void remove(ServiceKey service, String source) {
        services.find(service).ifPresent(s -> s.removeFault(source));
      }
    };
  }
}
