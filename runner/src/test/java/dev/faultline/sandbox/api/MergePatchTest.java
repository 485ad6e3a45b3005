package dev.faultline.sandbox.api;

import static dev.faultline.sandbox.api.Trees.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON merge patch: the test cases of RFC 7386 appendix A that apply to an object target. */
class MergePatchTest {
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":\"b\"}            | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":\"b\"}            | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}            | {\"a\":null}             | {}",
        "{\"a\":\"b\",\"b\":\"c\"} | {\"a\":null}             | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}          | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":\"c\"}            | {\"a\":[\"b\"]}          | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}    | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}  | {\"a\":[1]}              | {\"a\":[1]}",
        "{\"e\":null}             | {\"a\":1}                | {\"e\":null,\"a\":1}",
        "{}                       | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}",
      })
  void rfc7386Examples(String target, String patch, String expected) throws Exception {
    assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  @Test
  void listsAreReplacedNotMerged() throws Exception {
    var target = json("{\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}");
    var patched = MergePatch.apply(target, json("{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}"));
    assertThat(patched.toString()).isEqualTo("{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}");
  }

  @Test
  void theTargetIsNotChanged() throws Exception {
    var target = json("{\"a\":{\"b\":1}}");
    MergePatch.apply(target, json("{\"a\":{\"b\":2}}"));
    assertThat(target.toString()).isEqualTo("{\"a\":{\"b\":1}}");
  }

  @Test
  void aPatchThatIsNotAnObjectIsABadRequest() {
    assertThatThrownBy(() -> MergePatch.apply(json("{}"), Json.MAPPER.readTree("[1]")))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
