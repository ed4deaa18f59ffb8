package dev.serverlab.checker;

import dev.serverlab.core.net.StageServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the check classes need from the run that JUnit cannot hand them: the
 * server command (or the port of a server already running) and the group
 * being checked. The runner sets it before each group; checks run one at a
 * time, on the runner's thread, so one static holder is enough.
 */
final class CheckContext {

    /** How to reach the server under check: a command to start, or a port to connect to. */
    record Target(Optional<List<String>> command, int port) {

        static Target command(List<String> command) {
            return new Target(Optional.of(List.copyOf(command)), 0);
        }

        static Target port(int port) {
            return new Target(Optional.empty(), port);
        }

        boolean startsServers() {
            return command.isPresent();
        }
    }

    private static volatile Target target;
    private static volatile Group group;
    private static final List<ExternalServer> STARTED = new ArrayList<>();

    private CheckContext() {
    }

    static void set(Target newTarget, Group newGroup) {
        target = newTarget;
        group = newGroup;
    }

    /** A new server for one check: the group's flags, then the check's own. */
    static StageServer newServer(List<String> checkFlags) {
        List<String> flags = new ArrayList<>(group.flags());
        flags.addAll(checkFlags);
        ExternalServer server = target.startsServers()
                ? ExternalServer.launching(target.command().orElseThrow(), flags)
                : ExternalServer.attachedTo(target.port(), checkFlags);
        synchronized (STARTED) {
            STARTED.add(server);
        }
        return server;
    }

    /** The servers started since the last call, which forgets them: one check's servers. */
    static List<ExternalServer> takeStarted() {
        synchronized (STARTED) {
            List<ExternalServer> servers = List.copyOf(STARTED);
            STARTED.clear();
            return servers;
        }
    }
}
