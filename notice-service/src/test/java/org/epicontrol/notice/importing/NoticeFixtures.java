package org.epicontrol.notice.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared test data: the real notices as printed and the level vocabulary of November 2022. */
final class NoticeFixtures {

    static final List<String> LEVELS = List.of("高风险区", "低风险区", "中风险区", "封控区", "管控区", "防范区");

    private NoticeFixtures() {
    }

    /**
     * The same text with the full-width punctuation offices print: ",:;()" become "\uFF0C\uFF1A\uFF1B\uFF08\uFF09".
     * Lets tests state full-width expectations readably.
     */
    static String fw(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            int k = ",:;()".indexOf(c);
            sb.append(k < 0 ? c : "\uFF0C\uFF1A\uFF1B\uFF08\uFF09".charAt(k));
        }
        return sb.toString();
    }

    static String read(String name) {
        try (InputStream in = NoticeFixtures.class.getResourceAsStream("/notices/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /notices/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
