package dev.faultline.designer.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.AttackStep;
import dev.faultline.model.Experiment;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import dev.faultline.model.edit.PutTarget;
import dev.faultline.model.edit.ReplaceStep;
import dev.faultline.validate.Problem;
import dev.faultline.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DocumentProblemsTest {

  private static final Path CHECKOUT = Path.of("../docs/examples/checkout-freeze-and-recover.yaml");

  private final ExperimentDocument document = new ExperimentDocument();
  private final Experiment checkout =
      new ExperimentReader().read(CHECKOUT).experiment().orElseThrow();

  @Test
  void theExampleHasNoProblemsAndAStepEditShowsOneWithItsLine() {
    var problems =
        new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
    document.open(checkout, CHECKOUT);
    assertThat(problems.problems()).isEmpty();

    AttackStep freeze = (AttackStep) checkout.spec().step("freeze").orElseThrow();
    document.edit(
        new ReplaceStep(
            new AttackStep(
                "freeze",
                freeze.after(),
                freeze.attack(),
                freeze.target(),
                Params.of(java.util.Map.of("signal", "SIGNOPE", "process", "java")),
                null,
                null),
            "Edit signal",
            null));

    assertThat(problems.problems()).hasSize(1);
    Problem problem = problems.problems().getFirst();
    assertThat(problem.path()).isEqualTo("spec.steps[0].with.signal");
    assertThat(problem.line()).isPositive();
    assertThat(problems.stepOf(problem)).contains("freeze");
    assertThat(problems.byStepProperty().get()).containsOnlyKeys("freeze");
  }

  @Test
  void targetProblemsShowOnEveryStepThatUsesTheTarget() {
    var problems =
        new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
    document.open(checkout, CHECKOUT);
    document.edit(new PutTarget("checkout", Target.pods("shop", "app in (checkout"), "Edit", null));

    assertThat(problems.byStepProperty().get()).containsOnlyKeys("freeze", "kill");
  }

  @Test
  void unparsedTextReportsItsReadProblems() {
    var problems =
        new DocumentProblems(document, new SameThreadTaskExecutor(), Validator.standard());
    document.open(checkout, CHECKOUT);
    document.setUnparsedText("apiVersion: faultline.dev/v1alpha1\nkind: [\n");

    assertThat(problems.problems()).isNotEmpty();
    assertThat(problems.problems().getFirst().line()).isPositive();
  }

  @Test
  void changesDuringARunAreCheckedOnceAfterwardsWithTheLatestContent() {
    var pending = new ArrayList<Runnable>();
    UiTaskExecutor manual =
        new UiTaskExecutor() {
          @Override
          public <T> void execute(
              Callable<? extends T> work,
              Consumer<? super T> onSuccess,
              Consumer<Throwable> onError) {
            pending.add(
                () -> {
                  try {
                    onSuccess.accept(work.call());
                  } catch (Exception e) {
                    onError.accept(e);
                  }
                });
          }
        };
    var problems = new DocumentProblems(document, manual, Validator.standard());
    document.open(checkout, CHECKOUT);
    document.edit(new PutTarget("checkout", Target.pods("shop", "app in (x"), "Edit", null));
    document.edit(new PutTarget("checkout", Target.pods("shop", "app=fixed"), "Edit", null));

    assertThat(pending).hasSize(1); // the constructor's run; the three changes wait for it
    pending.removeFirst().run();
    assertThat(pending).hasSize(1); // one more run, not three
    pending.removeFirst().run();
    assertThat(pending).isEmpty();
    assertThat(problems.problems()).isEmpty();
    assertThat(List.copyOf(problems.byStepProperty().get().keySet())).isEmpty();
  }
}
