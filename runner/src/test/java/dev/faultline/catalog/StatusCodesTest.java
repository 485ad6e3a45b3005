package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusCodesTest {
  @Test
  void singleCodesClassesRangesAndLists() {
    StatusCodes codes = StatusCodes.parse("200, 3xx,404-410");
    assertThat(codes.matches(200)).isTrue();
    assertThat(codes.matches(201)).isFalse();
    assertThat(codes.matches(301)).isTrue();
    assertThat(codes.matches(399)).isTrue();
    assertThat(codes.matches(404)).isTrue();
    assertThat(codes.matches(410)).isTrue();
    assertThat(codes.matches(411)).isFalse();
    assertThat(codes.matches(500)).isFalse();
    assertThat(StatusCodes.parse("200-299").matches(299)).isTrue();
    assertThat(StatusCodes.parse("2xx").matches(300)).isFalse();
  }

  @Test
  void rejectsWithTheOffsetOfTheBadPart() {
    assertThatThrownBy(() -> StatusCodes.parse("200,abc"))
        .isInstanceOfSatisfying(
            StatusCodes.InvalidStatusCodesException.class, e -> assertThat(e.offset()).isEqualTo(4))
        .hasMessage("'abc' is not a status code; use 200, 2xx or 200-299, comma-separated");
    assertThatThrownBy(() -> StatusCodes.parse("404-400"))
        .hasMessage("status range '404-400' is backwards");
  }
}
