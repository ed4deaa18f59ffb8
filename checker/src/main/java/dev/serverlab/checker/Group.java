package dev.serverlab.checker;

import java.util.List;

/**
 * One server configuration of a stage and the contract suites run against
 * it: each check of the group starts the server command with these flags
 * (plus what the check itself needs, such as {@code --directory} or
 * {@code --idle-timeout 500ms}).
 *
 * @param name      short name printed in the output ({@code main}, {@code limits}, ...)
 * @param flags     flags every server of the group is started with, as the stages name them
 * @param contracts the testkit contract interfaces the group runs
 */
public record Group(String name, List<String> flags, List<Class<?>> contracts) {

    public Group {
        flags = List.copyOf(flags);
        contracts = List.copyOf(contracts);
    }

    /** The flags as one would type them, or "no flags". */
    public String flagsText() {
        return flags.isEmpty() ? "no flags" : String.join(" ", flags);
    }
}
