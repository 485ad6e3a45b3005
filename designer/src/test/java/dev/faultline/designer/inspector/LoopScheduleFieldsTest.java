package dev.faultline.designer.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Loop;
import dev.faultline.model.Schedule;
import dev.faultline.model.TimeSpan;
import dev.faultline.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The experiment form's loop and schedule fields: edits, validation under the field, clearing. */
class LoopScheduleFieldsTest {
  private final Fixture fixture = Fixture.checkout();
  private final InspectorViewModel inspector = fixture.inspector();

  private InspectorField field(String key) {
    return inspector.field(key).orElseThrow(() -> new AssertionError("no field " + key));
  }

  @Test
  void loopFieldsWriteSpecLoopAndClearingThemRemovesIt() {
    field("spec.loop.times").type("3");
    field("spec.loop.pause").type("30s");
    assertThat(fixture.document.experiment().spec().loop())
        .isEqualTo(new Loop(3, null, TimeSpan.of("30s"), null, null));

    field("spec.loop.times").type("");
    field("spec.loop.pause").type("");
    assertThat(fixture.document.experiment().spec().loop()).isNull();
  }

  @Test
  void aBadCronShowsItsProblemUnderTheCronField() {
    field("spec.schedule.cron").type("0 25 * * *");
    field("spec.schedule.timeZone").type("Europe/Berlin");

    assertThat(fixture.document.experiment().spec().schedule())
        .isEqualTo(new Schedule("0 25 * * *", "Europe/Berlin", null, null, null));
    List<Problem> cron = field("spec.schedule.cron").problemsProperty().get();
    assertThat(cron).extracting(Problem::message).containsExactly("hour 25 is out of range 0-23");
    assertThat(field("spec.schedule.timeZone").problemsProperty().get()).isEmpty();

    field("spec.schedule.cron").type("0 */2 * * *");
    assertThat(field("spec.schedule.cron").problemsProperty().get()).isEmpty();
  }
}
