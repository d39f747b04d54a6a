package org.epicontrol.common.logging;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * In production every line a service writes is one JSON log record (log shippers read them so). Some libraries print
 * to the standard error stream instead of logging: the reactive PostgreSQL client prints an exception of a lent
 * connection that has no exception handler (what Hibernate Reactive's connections are) — e.g. "FATAL: terminating
 * connection due to administrator command" for each connection in use when PostgreSQL restarts. From start-up on,
 * such lines are logged (logger {@code stderr}, WARN) instead, each its own record. Dev and test keep the plain stream.
 */
@ApplicationScoped
public class StandardErrorToLog {
    private static final Logger LOG = Logger.getLogger("stderr");
    private static final int MAX_LINE = 16 * 1024;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && !(System.err instanceof Redirected)) {
            System.setErr(new Redirected(System.err));
        }
    }

    /**
     * The replacement stream (a type of its own, so that it is installed once). A line printed while a line is being
     * logged on the same thread (a log handler writing to stderr) goes to the original stream: no loop.
     */
    static final class Redirected extends PrintStream {
        private static final ThreadLocal<Boolean> LOGGING = ThreadLocal.withInitial(() -> false);

        Redirected(PrintStream original) {
            super(new LineLoggingStream(line -> {
                if (LOGGING.get()) {
                    original.println(line);
                    return;
                }
                LOGGING.set(true);
                try {
                    LOG.warn(line);
                } finally {
                    LOGGING.set(false);
                }
            }, MAX_LINE), true, StandardCharsets.UTF_8);
        }
    }
}
