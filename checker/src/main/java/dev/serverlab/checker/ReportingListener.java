package dev.serverlab.checker;

import dev.serverlab.testkit.Transcript;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line per check as it ends, codecrafters-style
 * ({@code [stage-06] keep-alive: five requests reuse one connection … ok}),
 * with a {@link FailureReport} under a failure, and counts the outcomes.
 */
final class ReportingListener implements TestExecutionListener {

    private final PrintStream out;
    private final String prefix;
    private final Tally tally;
    private TestPlan plan;
    private long startedAt;

    ReportingListener(PrintStream out, String stage, Tally tally) {
        this.out = out;
        this.prefix = "[stage-" + stage + "] ";
        this.tally = tally;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            Transcript.forget();
            CheckContext.takeStarted();
            startedAt = System.nanoTime();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.getSource().orElse(null) instanceof MethodSource) {
            tally.skipped++;
            out.println(prefix + name(id) + " … skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean check = id.isTest();
        if (!check && result.getStatus() != TestExecutionResult.Status.FAILED) {
            return; // a container that ended well: its checks spoke for it
        }
        String line = prefix + (id.getSource().orElse(null) instanceof MethodSource ? name(id) : id.getDisplayName());
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                tally.passed++;
                out.println(line + " … ok" + elapsed());
            }
            case ABORTED -> {
                tally.skipped++;
                out.println(line + " … skipped: " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
            case FAILED -> {
                tally.failed++;
                out.println(line + " … FAILED" + (check ? elapsed() : ""));
                Throwable failure = result.getThrowable().orElseGet(() -> new AssertionError("failed"));
                FailureReport.print(out, methodName(id), failure, Transcript.latest(), CheckContext.takeStarted());
            }
        }
    }

    private String elapsed() {
        long ms = (System.nanoTime() - startedAt) / 1_000_000;
        return ms >= 2000 ? String.format(" (%.1f s)", ms / 1000.0) : "";
    }

    /**
     * "suite: check": the humanized method name, or the {@code @DisplayName}
     * or row name JUnit gives it. A row of a parameterized check whose
     * template has a display name of its own is shown under that name.
     */
    String name(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
            return id.getDisplayName();
        }
        String check = checkName(id, source);
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(id);
        if (parent.isPresent() && parent.get().getSource().orElse(null) instanceof MethodSource
                && !isMethodName(parent.get().getDisplayName())) {
            check = parent.get().getDisplayName() + ": " + check;
        }
        return suiteOf(source) + ": " + check;
    }

    private static String checkName(TestIdentifier id, MethodSource source) {
        String display = id.getDisplayName();
        return isMethodName(display) ? Suites.humanize(source.getMethodName()) : display.replaceFirst("^\\[\\d+] ", "");
    }

    private static boolean isMethodName(String displayName) {
        return displayName.matches("\\w+\\(.*\\)");
    }

    private static String suiteOf(MethodSource source) {
        try {
            Method method = source.getJavaMethod();
            return Suites.label(method.getDeclaringClass());
        } catch (RuntimeException e) {
            return Suites.label(source.getJavaClass());
        }
    }

    private static String methodName(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof MethodSource source ? source.getMethodName() : "";
    }

    /** Outcomes so far, across groups. */
    static final class Tally {
        int passed;
        int failed;
        int skipped;

        String summary() {
            return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
        }
    }
}
