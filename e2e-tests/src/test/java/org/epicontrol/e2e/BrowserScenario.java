package org.epicontrol.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One browser scenario of the web console ({@code web/browser-tests/*.mjs}): Debian's Chromium driven by the web
 * module's {@code playwright-core} on the machine's Node.js, against this suite's console. Its screenshots go to
 * {@code e2e-tests/target/browser-screenshots/}.
 */
final class BrowserScenario {
    /** A bound against a hung browser, not a speed figure: a scenario takes well under a minute on a quiet machine. */
    private static final Duration LIMIT = Duration.ofMinutes(8);

    record Outcome(int exitCode, String output) {
    }

    private BrowserScenario() {
    }

    static Outcome run(RunningSuite suite, String script, String... env) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("node", root.resolve("web/browser-tests").resolve(script).toString())
                .directory(root.resolve("web").toFile())
                .redirectErrorStream(true);
        builder.environment().put("WEB_URL", suite.webUrl());
        builder.environment().put("SCREENSHOT_DIR", root.resolve("e2e-tests/target/browser-screenshots").toString());
        builder.environment().putIfAbsent("CHROMIUM", "/usr/bin/chromium");
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Outcome(-1, new String(out, StandardCharsets.UTF_8) + "\n(killed after " + LIMIT + ")");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println(output);
        return new Outcome(process.exitValue(), output);
    }
}
