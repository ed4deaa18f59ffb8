package dev.serverlab.checker;

import dev.serverlab.core.http.HttpLimits;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.testkit.KeepAliveOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * A contract's {@link ServerConfig} (and {@link KeepAliveOptions}) as the
 * command-line flags the stages take (see their {@code --help}). Only what differs from a
 * stage's defaults becomes a flag, so a learner's server needs a flag only
 * for the checks that use it. What no flag can say (a handler of the test's
 * own, other size limits) aborts the check: it is in-process only.
 */
final class ServerFlags {

    private ServerFlags() {
    }

    /** {@code --directory}, then the keep-alive flags that differ from the defaults. */
    static List<String> of(ServerConfig config, KeepAliveOptions options) {
        if (config.application().isPresent()) {
            throw new TestAbortedException("in-process only: the check serves a handler of its own");
        }
        if (!config.limits().equals(HttpLimits.DEFAULTS)) {
            throw new TestAbortedException("in-process only: no flag sets the size limits " + config.limits());
        }
        List<String> flags = new ArrayList<>();
        config.directory().ifPresent(dir -> flags.addAll(List.of("--directory", dir.toString())));
        KeepAliveOptions defaults = KeepAliveOptions.DEFAULTS;
        if (!options.idleTimeout().equals(defaults.idleTimeout())) {
            flags.addAll(List.of("--idle-timeout", duration(options.idleTimeout())));
        }
        if (!options.readTimeout().equals(defaults.readTimeout())) {
            flags.addAll(List.of("--read-timeout", duration(options.readTimeout())));
        }
        if (options.keepAlive() != defaults.keepAlive()) {
            flags.addAll(List.of("--keep-alive", Boolean.toString(options.keepAlive())));
        }
        return flags;
    }

    /** Durations as the stages write them: {@code 500ms}, {@code 5s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
