package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The demo notices, imported as staff do it: an editor imports the printed text, another person publishes it. */
final class DemoSeeding {

    private DemoSeeding() {
    }

    static void notices(Path root, GraphQLHttp notices, SuiteLauncher.Suite suite) throws IOException {
        Path folder = root.resolve("dev-suite/demo/notices");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        GraphQLHttp editor = notices.bearer(suite.token("editor"));
        GraphQLHttp publisher = notices.bearer(suite.token("publisher"));
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode result = editor.run("mutation($t: String!) { importNotice(text: $t, year: 2022) { message notice { id status } } }",
                    Map.of("t", text)).get("importNotice");
            String message = result.at("/message").asText();
            if ("DRAFT".equals(result.at("/notice/status").asText())) {
                publisher.run("mutation($id: ID!) { publishNotice(id: $id) { id } }", Map.of("id", result.at("/notice/id").asText()));
                message += "; published by another user (four eyes)";
            }
            System.out.println("Imported " + file.getFileName() + ": " + message);
        }
    }
}
