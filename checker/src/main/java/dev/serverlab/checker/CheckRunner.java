package dev.serverlab.checker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.InProcessOnly;
import dev.serverlab.testkit.NeedsOwnServer;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.RawResponse;
import dev.serverlab.testkit.Requests;
import dev.serverlab.testkit.Transcript;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a stage's groups against one target, group after group. Each group
 * opens with one check of its own, "answers GET / within 3 s", so a server
 * that does not answer at all fails once, fast, rather than once per check
 * after a 10 s timeout; then the JUnit Platform launcher runs the group's
 * contract suites, each check starting its own server.
 */
final class CheckRunner {

    /** The first check of every group. */
    static final Duration FIRST_ANSWER = Duration.ofSeconds(3);
    /** A backstop for a check that hangs in a way no socket timeout catches. */
    private static final String CHECK_TIMEOUT = "5m";

    private final PrintStream out;
    private final Launcher launcher = LauncherFactory.create();

    CheckRunner(PrintStream out) {
        this.out = out;
    }

    /** Runs stage {@code stage}'s checks (those matching {@code only}, if given); the tally of outcomes. */
    ReportingListener.Tally run(String stage, CheckContext.Target target, Optional<String> only) {
        ReportingListener.Tally tally = new ReportingListener.Tally();
        String prefix = "[stage-" + stage + "] ";
        List<Group> groups = StageClaims.groupsOf(stage);
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            LauncherDiscoveryRequest request = request(group, target, only);
            TestPlan plan = launcher.discover(request);
            long checks = countChecks(plan);
            if (checks == 0) {
                continue; // --only left nothing of this group
            }
            if (!target.startsServers() && i > 0) {
                tally.skipped += (int) checks;
                out.println(prefix + "group " + group.name() + ": " + checks(checks) + " skipped: they need a server"
                        + " started with " + group.flagsText() + "; give ./check the command instead of --port");
                continue;
            }
            out.println(prefix + "group " + group.name() + " (" + group.flagsText() + "): "
                    + String.join(", ", group.contracts().stream().map(Suites::label).toList()));
            if (!target.startsServers() && !group.flags().isEmpty()) {
                out.println(prefix + "assuming the server on port " + target.port() + " was started with "
                        + group.flagsText());
            }
            CheckContext.set(target, group);
            if (!answersFirstRequest(prefix, tally)) {
                tally.skipped += (int) checks;
                out.println(prefix + checks(checks) + " of group " + group.name()
                        + " not run: the server must answer GET / first");
                continue;
            }
            launcher.execute(request, new ReportingListener(out, stage, tally));
        }
        return tally;
    }

    private boolean answersFirstRequest(String prefix, ReportingListener.Tally tally) {
        String line = prefix + "answers GET / within " + FIRST_ANSWER.toSeconds() + " s";
        Transcript.forget();
        CheckContext.takeStarted();
        StageServer server = null;
        try {
            server = CheckContext.newServer(List.of());
            server.start();
            try (RawClient client = RawClient.connect(server.port())) {
                RawResponse response = client.readTimeout(FIRST_ANSWER).send(Requests.get("/")).readResponse();
                if (response.status() != 200) {
                    throw new AssertionError("200 for GET /, got " + response.status() + " " + response.reason());
                }
            }
            tally.passed++;
            out.println(line + " … ok");
            return true;
        } catch (Throwable failure) {
            tally.failed++;
            out.println(line + " … FAILED");
            FailureReport.print(out, "answersGet", failure, Transcript.latest(), CheckContext.takeStarted());
            return false;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static LauncherDiscoveryRequest request(Group group, CheckContext.Target target, Optional<String> only) {
        List<String> excluded = new ArrayList<>(List.of(InProcessOnly.TAG));
        if (!target.startsServers()) {
            excluded.add(NeedsOwnServer.TAG);
        }
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(group.contracts().stream().map(c -> selectClass(Suites.checkClassOf(c))).toList())
                .filters(TagFilter.excludeTags(excluded))
                .configurationParameter("junit.jupiter.execution.timeout.default", CHECK_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        only.ifPresent(name -> builder.filters(matching(name)));
        return builder.build();
    }

    /** Keeps the checks whose "suite: check" name (as --list prints it) or method name contains {@code name}. */
    static PostDiscoveryFilter matching(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return descriptor -> {
            if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
                return FilterResult.included("not a check");
            }
            String label = checkLabel(source).toLowerCase(Locale.ROOT);
            boolean match = label.contains(wanted) || source.getMethodName().toLowerCase(Locale.ROOT).contains(wanted);
            return FilterResult.includedIf(match, () -> "matches " + name, () -> "does not match " + name);
        };
    }

    /** "suite: check name" of a contract method, as --list shows it. */
    static String checkLabel(MethodSource source) {
        return Suites.label(source.getJavaMethod().getDeclaringClass()) + ": " + Suites.humanize(source.getMethodName());
    }

    private static String checks(long n) {
        return n == 1 ? "1 check" : n + " checks";
    }

    /** Checks as discovery sees them: a parameterized check counts once, whatever its rows. */
    static long countChecks(TestPlan plan) {
        return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(id -> id.getSource().orElse(null) instanceof MethodSource)
                .count();
    }
}
