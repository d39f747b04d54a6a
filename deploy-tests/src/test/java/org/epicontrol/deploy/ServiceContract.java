package org.epicontrol.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own code says about how it runs: its HTTP port, its SmallRye Health paths, its GraphQL path
 * and the environment variables it reads, all taken from its {@code src/main/resources/application.properties}
 * (and its pom for the health extension).
 *
 * <p>The environment rule, kept simple on purpose: a service reads the environment variable {@code NAME} if its
 * application.properties contains {@code ${NAME}} or {@code ${NAME:default}}, or if {@code NAME} is the
 * environment form of a property key set in that file (with any {@code %profile.} prefix removed), by
 * MicroProfile Config's rule: every character other than a letter or digit becomes {@code _}, then upper case.
 * That is how {@code QUARKUS_OIDC_AUTH_SERVER_URL} overrides {@code quarkus.oidc.auth-server-url}. The profile
 * prefix is removed because a plain variable is read in every profile: the services set
 * {@code quarkus.oidc.auth-server-url} only as {@code %dev.} and {@code %test.} keys, and in prod (Kubernetes) it
 * comes from {@code QUARKUS_OIDC_AUTH_SERVER_URL} alone. A variable that matches neither is not read by the
 * service and has no business in its manifest.
 *
 * <p>The other way round, {@link #requiredEnv()}: variables the prod profile cannot start without, because the
 * file leaves the value to the environment.
 *
 * <p>The gateway (issue 4) may not have its application.properties yet. Until it does, the contract this suite
 * was written against is used instead: {@code assumed-gateway.properties} in the test resources (port 8080,
 * {@code GATEWAY_SUPERGRAPH_FILE}, {@code quarkus.oidc.auth-server-url}). As soon as the real file exists it is
 * the one checked.
 */
record ServiceContract(String name, String source, boolean assumed, boolean hasHealthExtension, String text,
        Map<String, String> properties) {

    /** The services this repository deploys, each a Maven module of the same name. */
    static final List<String> SERVICES = List.of("notice-service", "volunteer-service", "gateway", "web");

    /** The GraphQL services: each verifies bearer tokens and exports traces (the web console serves files only). */
    static final List<String> API_SERVICES = List.of("notice-service", "volunteer-service", "gateway");

    private static final Pattern DEFAULTED = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");

    /** {@code ${NAME}} with no default: an environment variable (upper case, digits, _) the value cannot do without. */
    private static final Pattern UNDEFAULTED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    static Map<String, ServiceContract> all() {
        Map<String, ServiceContract> all = new LinkedHashMap<>();
        for (String service : SERVICES) {
            all.put(service, load(service));
        }
        return all;
    }

    static ServiceContract load(String module) {
        String relative = module + "/src/main/resources/application.properties";
        Path file = Repo.path(relative);
        if (!Files.isRegularFile(file)) {
            String assumedResource = "assumed-" + module + ".properties";
            try (var in = ServiceContract.class.getResourceAsStream("/" + assumedResource)) {
                if (in == null) {
                    throw new IllegalStateException(relative + " does not exist and there is no " + assumedResource);
                }
                return parse(module, "deploy-tests/src/test/resources/" + assumedResource, true, true,
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String pom = Files.isRegularFile(Repo.path(module + "/pom.xml")) ? Repo.read(module + "/pom.xml") : "";
        boolean health = pom.contains("<artifactId>quarkus-smallrye-health</artifactId>");
        return parse(module, relative, false, health, Repo.read(relative));
    }

    static ServiceContract parse(String name, String source, boolean assumed, boolean health, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> properties.put(k, p.getProperty(k)));
        return new ServiceContract(name, source, assumed, health, text, properties);
    }

    /** The value in the prod profile (what runs in Kubernetes): {@code %prod.key} first, then {@code key}. */
    String property(String key, String defaultValue) {
        String value = properties.getOrDefault("%prod." + key, properties.get(key));
        if (value == null) {
            return defaultValue;
        }
        Matcher m = DEFAULTED.matcher(value.trim());
        return m.matches() ? m.group(1) : value.trim();
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port", "8080"));
    }

    /** Health endpoints move to the management interface when it is enabled. */
    int healthPort() {
        return Boolean.parseBoolean(property("quarkus.management.enabled", "false"))
                ? Integer.parseInt(property("quarkus.management.port", "9000"))
                : httpPort();
    }

    /** SmallRye Health's path for {@code live}, {@code ready} or {@code started}, e.g. /q/health/live. */
    String healthPath(String check) {
        String root = Boolean.parseBoolean(property("quarkus.management.enabled", "false"))
                ? property("quarkus.management.root-path", "/q")
                : resolve(property("quarkus.http.root-path", "/"),
                        property("quarkus.http.non-application-root-path", "q"));
        String health = resolve(root, property("quarkus.smallrye-health.root-path", "health"));
        String leaf = switch (check) {
            case "live" -> property("quarkus.smallrye-health.liveness-path", "live");
            case "ready" -> property("quarkus.smallrye-health.readiness-path", "ready");
            case "started" -> property("quarkus.smallrye-health.startup-path", "started");
            default -> throw new IllegalArgumentException(check);
        };
        return resolve(health, leaf);
    }

    String graphqlPath() {
        return resolve(property("quarkus.http.root-path", "/"),
                property("quarkus.smallrye-graphql.root-path", "graphql"));
    }

    /** The environment rule in the class comment. */
    boolean readsEnv(String variable) {
        if (text.contains("${" + variable + "}") || text.contains("${" + variable + ":")) {
            return true;
        }
        return properties.keySet().stream().map(ServiceContract::withoutProfile).map(ServiceContract::envName)
                .anyMatch(variable::equals);
    }

    /**
     * The variables the service needs from its manifest in the prod profile: {@code QUARKUS_OIDC_AUTH_SERVER_URL}
     * when it configures quarkus-oidc (a {@code quarkus.oidc.*} key in any profile), does not switch the default
     * tenant off in prod ({@code quarkus.oidc.tenant-enabled}) and gives {@code quarkus.oidc.auth-server-url} no
     * prod value ({@code %dev.}/{@code %test.} values do not count); and every {@code ${NAME}} without a default
     * in a value the prod profile uses.
     */
    Set<String> requiredEnv() {
        Set<String> required = new TreeSet<>();
        boolean oidc = properties.keySet().stream().map(ServiceContract::withoutProfile)
                .anyMatch(k -> k.startsWith("quarkus.oidc."));
        if (oidc && Boolean.parseBoolean(property("quarkus.oidc.tenant-enabled", "true"))
                && prodValue("quarkus.oidc.auth-server-url") == null) {
            required.add(envName("quarkus.oidc.auth-server-url"));
        }
        for (String key : properties.keySet()) {
            if (key.startsWith("%")) {
                if (!key.startsWith("%prod.")) {
                    continue;
                }
            } else if (properties.containsKey("%prod." + key)) {
                continue;
            }
            Matcher m = UNDEFAULTED.matcher(properties.get(key));
            while (m.find()) {
                required.add(m.group(1));
            }
        }
        return required;
    }

    /** The raw value the prod profile sees: {@code %prod.key}, else {@code key}, else null. */
    private String prodValue(String key) {
        return properties.getOrDefault("%prod." + key, properties.get(key));
    }

    /** A duration as Quarkus reads it: {@code 30s}, {@code 500ms}, {@code 2d}, ISO-8601 {@code PT30S}, or seconds. */
    static Duration duration(String value) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        return v.endsWith("d") || v.endsWith("D") ? Duration.parse("P" + v) : Duration.parse("PT" + v);
    }

    static String envName(String propertyKey) {
        StringBuilder sb = new StringBuilder(propertyKey.length());
        for (char c : propertyKey.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") && key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static String resolve(String base, String path) {
        if (path.startsWith("/")) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return b + "/" + p;
    }
}
