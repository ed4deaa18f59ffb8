package dev.serverlab.testkit;

import java.time.Duration;
import java.util.List;

/**
 * {@code GET /sleep/{ms}} on fresh connections, each timed by its client:
 * the probe behind the concurrency and limits contracts. A request that
 * sleeps {@code ms} on the server cannot be answered in less than
 * {@code ms}, so these timings give lower bounds that hold on any machine.
 */
public final class SlowRequests {

    private SlowRequests() {
    }

    /**
     * One client's view of its request.
     *
     * @param status  the response status (200 served, 503 turned away, ...)
     * @param elapsed from just before connecting to the whole response read
     */
    public record Answer(int status, Duration elapsed) {
    }

    /** One {@code /sleep/millis} request on its own connection. */
    public static Answer one(int port, int millis) throws Exception {
        long start = System.nanoTime();
        try (RawClient client = RawClient.connect(port)) {
            int status = client.send(Requests.get("/sleep/" + millis)).readResponse().status();
            return new Answer(status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** {@code clients} such requests started at once; the answers in client order. */
    public static Parallel.Outcome<Answer> inParallel(int port, int clients, int millis) throws Exception {
        return Parallel.run(clients, i -> one(port, millis));
    }

    /** The same requests one after another, as a yardstick for {@link #inParallel}. */
    public static Parallel.Outcome<Answer> serially(int port, int clients, int millis) throws Exception {
        return Parallel.serially(clients, i -> one(port, millis));
    }

    /** The answers that had this status, in client order. */
    public static List<Answer> withStatus(Parallel.Outcome<Answer> outcome, int status) {
        return outcome.results().stream().filter(a -> a.status() == status).toList();
    }

    /** The longest any one client waited for its whole response. */
    public static Duration slowest(List<Answer> answers) {
        return answers.stream().map(Answer::elapsed).max(Duration::compareTo).orElseThrow();
    }

    /** The shortest any one client waited: a served sleep is never quicker than its sleep. */
    public static Duration fastest(List<Answer> answers) {
        return answers.stream().map(Answer::elapsed).min(Duration::compareTo).orElseThrow();
    }

    /** The statuses of the answers, in order. */
    public static List<Integer> statuses(Parallel.Outcome<Answer> outcome) {
        return outcome.results().stream().map(Answer::status).toList();
    }
}
