package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/** Answers requests for subresources other than {@code status}: scale, eviction, log, exec. */
@FunctionalInterface
public interface Subresources {
  MockResponse handle(RecordedRequest request, ApiPath path);
}
