package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo notices, handled as staff do it: an editor imports the printed texts as drafts, another person publishes
 * them. The two steps are apart so that the organisation can be set up in between: a notice published before the
 * community has linked its compounds is a designation no community answers for, and opens no response.
 */
final class DemoSeeding {

    /** A notice imported as a draft: its file, id and the importer's message. */
    record Draft(String file, String id, String message) {
    }

    private DemoSeeding() {
    }

    /** Imports every demo notice as {@code editor}; the drafts, in file order (by number). */
    static List<Draft> importDrafts(Path root, GraphQLHttp notices, SuiteLauncher.Suite suite) throws IOException {
        Path folder = root.resolve("dev-suite/demo/notices");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        GraphQLHttp editor = notices.bearer(suite.token("editor"));
        List<Draft> drafts = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode result = editor.run("mutation($t: String!) { importNotice(text: $t, year: 2022) { message notice { id status } } }",
                    Map.of("t", text)).get("importNotice");
            String message = result.at("/message").asText();
            if ("DRAFT".equals(result.at("/notice/status").asText())) {
                drafts.add(new Draft(file.getFileName().toString(), result.at("/notice/id").asText(), message));
            } else {
                System.out.println("Imported " + file.getFileName() + ": " + message);
            }
        }
        return drafts;
    }

    /** Publishes the drafts as {@code publisher}, another person than their importer (four eyes), in order. */
    static void publish(List<Draft> drafts, GraphQLHttp notices, SuiteLauncher.Suite suite) {
        GraphQLHttp publisher = notices.bearer(suite.token("publisher"));
        for (Draft draft : drafts) {
            publisher.run("mutation($id: ID!) { publishNotice(id: $id) { id } }", Map.of("id", draft.id()));
            System.out.println("Imported " + draft.file() + ": " + draft.message() + "; published by another user (four eyes)");
        }
    }
}
