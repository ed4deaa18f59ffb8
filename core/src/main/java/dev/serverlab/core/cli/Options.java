package dev.serverlab.core.cli;

import dev.serverlab.core.net.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a stage's flags after parsing: what was given on the
 * command line, else each flag's default.
 *
 * <p>Getters are typed and take the flag's name as declared, with its
 * dashes: {@code options.integer("--workers")}. Asking for a flag that was
 * never declared, or with the wrong getter, is a programming error and
 * throws {@link IllegalArgumentException}.
 */
public final class Options {

    private final Map<String, Flag> flags;      // every declared flag, common ones included
    private final Map<String, Object> values;   // given or default; no entry for "none"

    Options(Map<String, Flag> flags, Map<String, Object> values) {
        this.flags = Map.copyOf(flags);
        this.values = Map.copyOf(values);
    }

    public int integer(String name) {
        return (Integer) value(name, Flag.Kind.INTEGER);
    }

    public Duration duration(String name) {
        return (Duration) value(name, Flag.Kind.DURATION);
    }

    public boolean bool(String name) {
        return (Boolean) value(name, Flag.Kind.BOOL);
    }

    /** The chosen word, one of the choices the flag was declared with. */
    public String choice(String name) {
        return (String) value(name, Flag.Kind.CHOICE);
    }

    /** {@code --port}: the port to bind, 0 for any free port. */
    public int port() {
        return integer(CommandLine.PORT.name());
    }

    /** {@code --directory}, absolute and normalized, if given. */
    public Optional<Path> directory() {
        return Optional.ofNullable((Path) value(CommandLine.DIRECTORY.name(), Flag.Kind.DIRECTORY));
    }

    /**
     * The common flags, and the {@link OptInFlags} the stage declared, as a
     * {@link ServerConfig}; limits and drain timeout keep their defaults.
     */
    public ServerConfig serverConfig() {
        ServerConfig config = ServerConfig.onPort(port());
        if (flags.containsKey(OptInFlags.REUSE_PORT.name())) {   // only stages that offer --reuse-port
            config = config.withReusePort(bool(OptInFlags.REUSE_PORT.name()));
        }
        return directory().map(config::withDirectory).orElse(config);
    }

    private Object value(String name, Flag.Kind kind) {
        Flag flag = flags.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("no flag " + name + " was declared; declared: " + flags.keySet());
        }
        if (flag.kind() != kind) {
            throw new IllegalArgumentException(name + " is not a " + lower(kind) + " flag; read it with options."
                    + lower(flag.kind()) + "(\"" + name + "\")");
        }
        return values.get(name);
    }

    private static String lower(Flag.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Options" + values;
    }
}
