package org.epicontrol.devsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {

    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m",
            "-D%prod.alerts.escalate-after=P1D");
    private static final List<String> PROPERTIES = List.of("-Dgateway.subgraphs.notices.url=http://localhost:1/graphql");

    @TempDir
    Path root;

    @Test
    void byDefaultAServiceRunsFromItsJarWithEveryJvmOption() throws IOException {
        Path module = module("gateway");
        Path jar = Files.createDirectories(module.resolve("target/quarkus-app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "");
        assertEquals(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-D%prod.alerts.escalate-after=P1D",
                        "-Dgateway.subgraphs.notices.url=http://localhost:1/graphql", "-jar", jar.toString()),
                new ServiceCommand("jar", "/jdk/bin/java").command(module, JVM_OPTIONS, PROPERTIES));
    }

    @Test
    void nativeRunsTheExecutableWithTheSettingsAndHeapSizeButNoJvmOnlyOption() throws IOException {
        Path module = module("notice-service");
        Path runner = executable(module.resolve("target/notice-service-0.1.0-SNAPSHOT-runner"));
        assertEquals(List.of(runner.toString(), "-Xmx256m", "-D%prod.alerts.escalate-after=P1D",
                        "-Dgateway.subgraphs.notices.url=http://localhost:1/graphql"),
                new ServiceCommand("native", "/jdk/bin/java").command(module, JVM_OPTIONS, PROPERTIES));
    }

    @Test
    void nativeLeavesTheWebConsoleOnTheJvm() throws IOException {
        Path module = module("web");
        Path jar = Files.createDirectories(module.resolve("target/quarkus-app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "");
        executable(module.resolve("target/web-0.1.0-SNAPSHOT-runner"));
        assertEquals("/jdk/bin/java",
                new ServiceCommand("native", "/jdk/bin/java").command(module, JVM_OPTIONS, PROPERTIES).get(0));
    }

    @Test
    void nativeWithoutAnExecutableSaysHowToBuildOne() throws IOException {
        Path module = module("volunteer-service");
        Files.createDirectories(module.resolve("target/quarkus-app"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ServiceCommand("native", "/jdk/bin/java").command(module, JVM_OPTIONS, PROPERTIES));
        assertTrue(e.getMessage().contains("-Pnative"), e.getMessage());
    }

    @Test
    void anUnknownKindOfServiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceCommand("docker", "/jdk/bin/java"));
    }

    private Path module(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
