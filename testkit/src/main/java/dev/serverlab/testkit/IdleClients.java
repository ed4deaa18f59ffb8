package dev.serverlab.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many connections that are open and say nothing: what a crowd of slow or
 * idle clients looks like to a server. Tests open them to see what each
 * open connection costs a stage (a thread? a queue slot? nothing?).
 * Closing this closes them all.
 */
public final class IdleClients implements AutoCloseable {

    private final List<RawClient> clients = new ArrayList<>();

    private IdleClients() {
    }

    /** Opens {@code n} connections to the port, one after another, and sends nothing on them. */
    public static IdleClients open(int port, int n) throws IOException {
        IdleClients idle = new IdleClients();
        try {
            for (int i = 0; i < n; i++) {
                idle.clients.add(RawClient.connect(port));
            }
        } catch (IOException e) {
            idle.close();
            throw e;
        }
        return idle;
    }

    /** The open connections, e.g. to send a partial request on each. */
    public List<RawClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        for (RawClient client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a test connection: nothing to report
            }
        }
        clients.clear();
    }
}
