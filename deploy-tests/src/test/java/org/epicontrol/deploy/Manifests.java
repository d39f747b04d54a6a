package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Renders overlays with {@code kubectl kustomize} and parses YAML streams into one JSON tree per document. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("k8s/overlays/trial", "k8s/overlays/managed", "k8s/overlays/ha");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** Every non-empty document of a YAML stream; each must be a mapping. */
    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new IllegalArgumentException("a YAML document is not a mapping: " + doc);
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The plain manifest files of the repository, as they are before kustomize (no kubectl needed). */
    static List<ObjectNode> load(String... relativePaths) {
        List<ObjectNode> docs = new ArrayList<>();
        for (String p : relativePaths) {
            docs.addAll(parse(Repo.read(p)));
        }
        return docs;
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test, with a message saying why, when kubectl is not on the PATH. */
    static void assumeKubectl() {
        if (kubectl().isEmpty()) {
            String why = "kubectl is not on the PATH: the kustomize overlays are not rendered, so the tests on "
                    + "rendered manifests are skipped (install kubectl, which includes kustomize, to run them)";
            System.out.println("[deploy-tests] " + why);
            Assumptions.abort(why);
        }
    }

    /** The overlay as {@code kubectl kustomize} renders it, parsed. */
    static List<ObjectNode> render(String overlay) {
        assumeKubectl();
        return parse(RENDERED.computeIfAbsent(overlay, Manifests::kustomize));
    }

    private static String kustomize(String overlay) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process p = new ProcessBuilder(kubectl().orElseThrow().toString(), "kustomize", Repo.path(overlay).toString())
                    .redirectError(err.toFile())
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish in 120 s");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed (exit " + p.exitValue()
                        + "):\n" + stderr);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deep copies, so that a test can doctor them without touching anything shared. */
    static List<ObjectNode> copy(List<ObjectNode> docs) {
        return docs.stream().map(ObjectNode::deepCopy).toList();
    }
}
