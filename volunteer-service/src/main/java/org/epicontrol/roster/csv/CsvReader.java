package org.epicontrol.roster.csv;

import org.epicontrol.common.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV record by record. A record is not a line: a quoted field may hold a line break, so each record
 * remembers the physical line it starts on, which is what people see in their editor.
 */
public final class CsvReader {

    /** One record; {@code error} is set when its quoting is broken, and its fields are then unreliable. */
    public record Record(int line, List<String> fields, String error, String text) {

        public boolean blank() {
            return text.isEmpty();
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    public CsvReader(String text) {
        // Editors on Windows save UTF-8 with a byte order mark.
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The records left (the data rows after the header), blank lines skipped; {@code TOO_MANY_ROWS} as soon as there
     * are more than {@code maxRows}, before the rest is read. {@code howToSplit} ends the message.
     */
    public List<Record> dataRows(int maxRows, String howToSplit) {
        List<Record> rows = new ArrayList<>();
        while (hasNext()) {
            Record record = next();
            if (record.blank()) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw new DomainException("TOO_MANY_ROWS", "a file may hold at most " + maxRows + " rows; "
                        + howToSplit);
            }
            rows.add(record);
        }
        return rows;
    }

    public boolean hasNext() {
        return pos < text.length();
    }

    public Record next() {
        int startLine = line;
        int start = pos;
        int end = text.length();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        boolean inQuotes = false;
        boolean closedQuote = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (inQuotes) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        inQuotes = false;
                        closedQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (c == '\r' || c == '\n') {
                end = pos - 1;
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                break;
            } else if (c == '"' && field.isEmpty() && !closedQuote) {
                inQuotes = true;
            } else {
                if ((c == '"' || closedQuote) && error == null) {
                    error = closedQuote ? "text after the closing quote of a field"
                            : "a quote inside an unquoted field (quote the whole field and double the quote)";
                }
                field.append(c);
            }
        }
        if (inQuotes) {
            error = "a quoted field is never closed";
        }
        fields.add(field.toString());
        return new Record(startLine, fields, error, text.substring(start, end));
    }
}
