package org.epicontrol.devsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line that starts one module's build: {@code java -jar target/quarkus-app/quarkus-run.jar} (the default),
 * or, with {@code -Dsuite.services=native}, the native executable {@code target/*-runner} that {@code ./mvnw package
 * -Pnative} writes for the three services (the web console stays on the JVM). A native executable takes the same
 * {@code -D} settings; of the JVM options only the heap sizes ({@code -Xmx}, {@code -Xms}, {@code -Xmn}) mean anything
 * to it, so the others are left out.
 */
final class ServiceCommand {

    /** The modules that -Pnative builds into native executables and that run as such with suite.services=native. */
    static final Set<String> NATIVE_MODULES = Set.of("notice-service", "volunteer-service", "gateway");

    private final boolean nativeServices;
    private final String javaBinary;

    ServiceCommand(String services, String javaBinary) {
        this.nativeServices = switch (services.toLowerCase(Locale.ROOT)) {
            case "jar", "jvm" -> false;
            case "native" -> true;
            default -> throw new IllegalArgumentException("suite.services must be jar or native, not " + services);
        };
        this.javaBinary = javaBinary;
    }

    /** From {@code -Dsuite.services} (jar unless set). */
    static ServiceCommand fromSystemProperties(String javaBinary) {
        return new ServiceCommand(System.getProperty("suite.services", "jar"), javaBinary);
    }

    List<String> command(Path moduleDir, List<String> jvmOptions, List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        if (nativeServices && NATIVE_MODULES.contains(moduleDir.getFileName().toString())) {
            command.add(nativeExecutable(moduleDir).toString());
            jvmOptions.stream().filter(ServiceCommand::meansSomethingToANativeExecutable).forEach(command::add);
            command.addAll(systemProperties);
            return command;
        }
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./run-suite does)");
        }
        command.add(javaBinary);
        command.addAll(jvmOptions);
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static boolean meansSomethingToANativeExecutable(String option) {
        return option.startsWith("-D") || option.startsWith("-Xmx") || option.startsWith("-Xms")
                || option.startsWith("-Xmn");
    }

    private static Path nativeExecutable(Path moduleDir) {
        Path target = moduleDir.resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            List<Path> runners = files.filter(p -> p.getFileName().toString().endsWith("-runner"))
                    .filter(Files::isExecutable).toList();
            if (runners.size() != 1) {
                throw new IllegalStateException("suite.services=native needs one native executable " + target
                        + "/*-runner, found " + runners + ": build with ./mvnw package -Pnative (GraalVM or Mandrel)");
            }
            return runners.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
