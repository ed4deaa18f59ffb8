package dev.serverlab.semaphore;

import java.util.Locale;

/** What stage 04 does with a new connection when every permit is taken ({@code --when-full}). */
public enum WhenFull {

    /** Stop accepting until a permit frees: later clients wait, unseen, in the kernel's accept queue. */
    WAIT,

    /** Answer {@code 503 Service Unavailable} with {@code Retry-After} at once, and close. */
    REJECT;

    /** {@code "wait"} or {@code "reject"}, as the flag spells them. */
    public static WhenFull parse(String flag) {
        return valueOf(flag.toUpperCase(Locale.ROOT));
    }
}
