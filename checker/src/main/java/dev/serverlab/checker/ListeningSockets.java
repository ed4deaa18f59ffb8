package dev.serverlab.checker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Is something listening on a TCP port, and which process is it? Asked
 * without connecting wherever the system allows: a probe connection would
 * be the first connection the server accepts, and a stage 01 server serves
 * exactly one connection and exits.
 *
 * <ul>
 *   <li>Linux: {@code /proc/net/tcp} and {@code /proc/net/tcp6} list every
 *       socket with its local port and state ({@code 0A} is LISTEN) and its
 *       inode; the process is the one with {@code socket:[inode]} among its
 *       {@code /proc/PID/fd} links.</li>
 *   <li>macOS and other systems without {@code /proc}: {@code lsof -iTCP:PORT
 *       -sTCP:LISTEN}, which names the process too.</li>
 *   <li>Neither available: a connection attempt, which the server then sees
 *       (so stage 01 cannot be checked that way).</li>
 * </ul>
 */
final class ListeningSockets {

    private static final Path PROC_NET = Path.of("/proc/net");
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** True once a socket listens on {@code port} (any local address). */
    static boolean isListening(int port) {
        if (Files.isDirectory(PROC_NET)) {
            return listeningInode(port).isPresent();
        }
        if (lsofAvailable()) {
            return lsofPid(port).isPresent();
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The process listening on {@code port}, where the system says. */
    static OptionalLong listeningPid(int port) {
        if (Files.isDirectory(PROC_NET)) {
            OptionalLong inode = listeningInode(port);
            return inode.isPresent() ? pidOwning("socket:[" + inode.getAsLong() + "]") : OptionalLong.empty();
        }
        return lsofAvailable() ? lsofPid(port) : OptionalLong.empty();
    }

    /** The platform threads of a process, from {@code /proc/PID/status}; -1 where there is no /proc. */
    static int threadsOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS) or the process is gone
        }
        return -1;
    }

    /**
     * Lines of /proc/net/tcp look like
     * {@code "0: 00000000:1F90 00000000:0000 0A ... 0 0 123456 ..."}: local
     * address:port in hex, remote, state, ..., and the inode tenth.
     */
    private static OptionalLong listeningInode(int port) {
        String wanted = String.format(":%04X", port);
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(PROC_NET.resolve(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(wanted) && f[3].equals(LISTEN)) {
                    return OptionalLong.of(Long.parseLong(f[9]));
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong pidOwning(String socketLink) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> ownsLink(p.resolve("fd"), socketLink))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean ownsLink(Path fdDir, String link) {
        try (Stream<Path> fds = Files.list(fdDir)) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false; // another user's process: not ours to read, and not our server
        }
    }

    private static boolean lsofAvailable() {
        return Files.isExecutable(Path.of("/usr/sbin/lsof")) || Files.isExecutable(Path.of("/usr/bin/lsof"));
    }

    private static OptionalLong lsofPid(int port) {
        try {
            Process lsof = new ProcessBuilder("lsof", "-nP", "-t", "-iTCP:" + port, "-sTCP:LISTEN")
                    .redirectErrorStream(true).start();
            String out = new String(lsof.getInputStream().readAllBytes()).trim();
            if (!lsof.waitFor(5, TimeUnit.SECONDS) || lsof.exitValue() != 0 || out.isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(out.lines().findFirst().orElseThrow().trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
