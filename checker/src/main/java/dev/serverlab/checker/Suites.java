package dev.serverlab.checker;

import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.LimitsContract;
import dev.serverlab.testkit.OneRequestPerConnectionContract;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.ScaleContract;
import dev.serverlab.testkit.SlowReaderContract;
import dev.serverlab.testkit.SlowlorisContract;
import java.util.Locale;
import java.util.Map;

/** Which check class runs which contract, and the short name a suite is printed under. */
final class Suites {

    private static final Map<Class<?>, Class<?>> CHECKS = Map.ofEntries(
            Map.entry(RoutesContract.class, RoutesCheck.class),
            Map.entry(BadInputContract.class, BadInputCheck.class),
            Map.entry(OneRequestPerConnectionContract.class, OneRequestPerConnectionCheck.class),
            Map.entry(ConcurrencyContract.class, ConcurrencyCheck.class),
            Map.entry(LimitsContract.class, LimitsCheck.class),
            Map.entry(KeepAliveContract.class, KeepAliveCheck.class),
            Map.entry(ScaleContract.class, ScaleCheck.class),
            Map.entry(PartialIoContract.class, PartialIoCheck.class),
            Map.entry(SlowlorisContract.class, SlowlorisCheck.class),
            Map.entry(SlowReaderContract.class, SlowReaderCheck.class));

    private Suites() {
    }

    /** The class of this package that runs {@code contract}. */
    static Class<?> checkClassOf(Class<?> contract) {
        Class<?> check = CHECKS.get(contract);
        if (check == null) {
            throw new IllegalArgumentException("no check class runs " + contract.getName());
        }
        return check;
    }

    /** {@code KeepAliveContract} -> {@code keep-alive}. */
    static String label(Class<?> contract) {
        String name = contract.getSimpleName().replaceFirst("(Contract|Check)$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code fiveRequestsReuseOneConnection} -> {@code five requests reuse one connection}. */
    static String humanize(String methodName) {
        return methodName.replaceAll("([a-z])([A-Z0-9])", "$1 $2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .replaceAll("([0-9])([A-Za-z])", "$1 $2")
                .toLowerCase(Locale.ROOT)
                .replace("http 10", "HTTP/1.0")
                .replace("h2 c", "h2c")
                .replace("keep alive", "keep-alive")
                .replace("json", "JSON");
    }
}
