package org.epicontrol.roster.household;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One way of writing a door, whoever types it: a household is found again by (building, unit, room), so "2单元" and
 * "２" must be the same unit and "301室" the same room as "301".
 *
 * <ul>
 * <li>every value: full-width ASCII (ＡＢ１２３－) and the ideographic space become ASCII, then trimmed;</li>
 * <li>unit: a number, with or without 单元 (and spaces), becomes {@code <n>单元} without leading zeros ("02" and
 * "2 单元" → "2单元"); any other label ("东单元", "A座") is kept as typed; empty = a building without units;</li>
 * <li>room: spaces removed, a trailing 室 or 号 after a digit dropped ("301室" → "301"); letters upper case.</li>
 * </ul>
 */
final class Doors {

    private static final Pattern NUMBERED_UNIT = Pattern.compile("0*(\\d+)\\s*(单元)?");
    private static final Pattern ROOM_SUFFIX = Pattern.compile("(?<=\\d)[室号]$");

    private Doors() {
    }

    /** Full-width forms folded to ASCII, then stripped; null stays null. */
    static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                folded.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                folded.append(' ');
            } else {
                folded.append(c);
            }
        }
        return folded.toString().strip();
    }

    static String unitLabel(String text) {
        String unit = fold(text);
        if (unit == null) {
            return "";
        }
        var numbered = NUMBERED_UNIT.matcher(unit);
        if (numbered.matches()) {
            return numbered.group(1) + "单元";
        }
        return unit;
    }

    static String room(String text) {
        String room = fold(text);
        if (room == null) {
            return "";
        }
        room = room.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return ROOM_SUFFIX.matcher(room).replaceFirst("");
    }
}
