package org.epicontrol.notice.importing;

import java.util.Collection;

public final class NoticeTextParser {
    public NoticeTextParser(Collection<String> levels) {
    }

    public ParsedNotice parse(String text) {
        throw new NoticeFormatException("NOT_A_NOTICE", "stub");
    }
}
