package dev.serverlab.checker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.serverlab.testkit.InProcessOnly;
import dev.serverlab.testkit.NeedsOwnServer;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@code ./check --list}: every stage's groups, their flags and their checks, and what is left out and why. */
final class CheckList {

    private final PrintStream out;
    private final Launcher launcher = LauncherFactory.create();

    CheckList(PrintStream out) {
        this.out = out;
    }

    void print(Optional<String> only) {
        for (Map.Entry<String, List<Group>> stage : StageClaims.stages().entrySet()) {
            if (only.isPresent() && !only.get().equals(stage.getKey())) {
                continue;
            }
            out.println("stage " + stage.getKey());
            for (Group group : stage.getValue()) {
                out.println("  group " + group.name() + " (" + group.flagsText() + ")");
                for (Class<?> contract : group.contracts()) {
                    printChecks(contract);
                }
            }
        }
        out.println("left out everywhere:");
        StageClaims.LEFT_OUT.forEach((contract, why) -> out.println("  " + Suites.label(contract) + ": " + why));
        StageClaims.NOT_REPEATED.forEach((testClass, why) -> out.println("  " + testClass + ": " + why));
        out.println("Marks: [in-process only] never run by ./check; [own server] not run with --port.");
    }

    private void printChecks(Class<?> contract) {
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Suites.checkClassOf(contract))).build());
        plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(id -> id.getSource().orElse(null) instanceof MethodSource)
                .forEach(id -> out.println("    " + line(id)));
    }

    private static String line(TestIdentifier id) {
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        Method method = source.getJavaMethod();
        String line = CheckRunner.checkLabel(source);
        InProcessOnly inProcess = method.getAnnotation(InProcessOnly.class);
        if (inProcess != null) {
            return line + "  [in-process only: " + inProcess.value() + "]";
        }
        return method.isAnnotationPresent(NeedsOwnServer.class) ? line + "  [own server]" : line;
    }
}
