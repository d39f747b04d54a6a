package org.epicontrol.notice.importing;

import org.epicontrol.notice.text.NoticeText;

/**
 * A designation section whose text is still being collected by the line reader; line breaks inside it are kept
 * as '\n' until {@link NoticeListReader} reads it.
 */
final class SectionText {

    final String level;
    final String action;
    final Integer count;
    final StringBuilder content = new StringBuilder();

    SectionText(String level, String action, Integer count) {
        this.level = level;
        this.action = action;
        this.count = count;
    }

    void appendLine(String text) {
        if (content.length() > 0) {
            content.append('\n');
        }
        content.append(text);
    }

    boolean endsSentence() {
        for (int i = content.length() - 1; i >= 0; i--) {
            char c = content.charAt(i);
            if (!NoticeText.isBlank(c)) {
                return c == '。' || c == '!' || c == '\uFF01' || c == '?' || c == '\uFF1F';
            }
        }
        return false;
    }
}
