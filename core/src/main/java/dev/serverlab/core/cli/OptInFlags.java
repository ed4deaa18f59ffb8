package dev.serverlab.core.cli;

/**
 * Flags that core knows how to apply but that not every stage offers: a
 * stage opts in by listing one among its own flags, and
 * {@link Options#serverConfig()} then carries its value into the
 * {@link dev.serverlab.core.net.ServerConfig}. They stay out of the common
 * flags so that each stage's {@code --help} lists only what applies to it.
 */
public final class OptInFlags {

    /**
     * {@code --reuse-port true}: bind with {@code SO_REUSEPORT}, so that several
     * instances can listen on one port (chapter 10). Every instance on the
     * port must set it, or the later ones fail with "Address already in use".
     */
    public static final Flag REUSE_PORT = Flag.bool("--reuse-port", "true|false",
            "share the port with other instances that also set it (SO_REUSEPORT)", false);

    private OptInFlags() {
    }
}
