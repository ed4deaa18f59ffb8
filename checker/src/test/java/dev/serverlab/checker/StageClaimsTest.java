package dev.serverlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The claims table must say what the stages' own test classes say: for
 * each stage, the contracts its test classes implement, counted once per
 * class (04 claims the limits contract twice, reject and wait), equal the
 * contracts of its groups, counted once per group, plus what the checker
 * leaves out on purpose. The stages' test classes are read from their
 * {@code target/test-classes}, which the reactor compiles before this module.
 */
class StageClaimsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyStageOfTheRepositoryIsInTheTable() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<String> stages = dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*"))
                    .map(n -> n.substring(0, 2)).sorted().toList();
            assertThat(stages).isNotEmpty();
            assertThat(StageClaims.stages().keySet()).containsExactlyElementsOf(stages);
        }
    }

    @Test
    void theTableClaimsWhatTheStageTestClassesClaim() throws Exception {
        for (String stage : StageClaims.stages().keySet()) {
            Map<String, Integer> fromTests = claimedByTestClasses(stage);
            Map<String, Integer> fromTable = new TreeMap<>();
            for (Group group : StageClaims.groupsOf(stage)) {
                for (Class<?> contract : group.contracts()) {
                    fromTable.merge(contract.getSimpleName(), 1, Integer::sum);
                }
            }
            StageClaims.LEFT_OUT.keySet().forEach(c -> fromTests.remove(c.getSimpleName()));
            assertThat(fromTable).as("stage %s: the table's contracts (one per group) vs its test classes'", stage)
                    .isEqualTo(fromTests);
        }
    }

    @Test
    void everyContractOfTheTableHasACheckClassThatImplementsIt() {
        StageClaims.stages().values().stream().flatMap(List::stream).flatMap(g -> g.contracts().stream())
                .distinct()
                .forEach(contract -> assertThat(contract).isAssignableFrom(Suites.checkClassOf(contract)));
    }

    /** Contract name -> how many of the stage's test classes implement it. */
    private static Map<String, Integer> claimedByTestClasses(String stage) throws Exception {
        Path testClasses;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            testClasses = dirs.filter(d -> d.getFileName().toString().startsWith(stage + "-")).findFirst()
                    .orElseThrow().resolve("target/test-classes");
        }
        assertThat(testClasses).as("compiled tests of stage %s (build with -am)", stage).isDirectory();
        Map<String, Integer> claimed = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {testClasses.toUri().toURL()},
                StageClaimsTest.class.getClassLoader());
             Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = testClasses.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, loader);
                if (type.isInterface() || Modifier.isAbstract(type.getModifiers())
                        || StageClaims.NOT_REPEATED.containsKey(type.getSimpleName())) {
                    continue;
                }
                for (String contract : contractsOf(type)) {
                    claimed.merge(contract, 1, Integer::sum);
                }
            }
        }
        return claimed;
    }

    private static Set<String> contractsOf(Class<?> type) {
        Set<String> contracts = new HashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type.getInterfaces()));
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            todo.addAll(List.of(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.remove(todo.size() - 1);
            if (i.getPackageName().equals("dev.serverlab.testkit") && i.getSimpleName().endsWith("Contract")) {
                contracts.add(i.getSimpleName());
            }
            todo.addAll(List.of(i.getInterfaces()));
        }
        return contracts;
    }
}
