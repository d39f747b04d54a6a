package org.epicontrol.roster.household;

import org.epicontrol.roster.csv.CsvText;
import org.epicontrol.roster.household.HouseholdField.Invalid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A household's values as stored: doors written one way ({@link Doors}), texts checked, the limits of V7 applied here
 * first so that a bad value is refused with its field's name (the database's checks stay as the last word).
 */
record HouseholdValues(String unitLabel, String room, String address, int headCount, String contactName,
                       String contactPhone, List<HouseholdNeed> needs, String note) {

    static final int MAX_HEAD_COUNT = 50;
    // V7's check on contact_phone: digits, spaces and hyphens, an optional leading +
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,24}");
    private static final Pattern NEED_SEPARATORS = Pattern.compile("[;；、,，]");

    /** From the fields of an input; throws {@link Invalid} naming the first bad one. */
    static HouseholdValues of(String unit, String room, String address, Integer headCount, String contactName,
                              String contactPhone, List<HouseholdNeed> needs, String note) {
        String door = Doors.room(room);
        if (door.isEmpty()) {
            throw new Invalid(HouseholdField.ROOM, "is empty");
        }
        if (headCount == null || headCount < 0 || headCount > MAX_HEAD_COUNT) {
            throw new Invalid(HouseholdField.HEAD_COUNT, "must be a number from 0 to " + MAX_HEAD_COUNT + ", was "
                    + headCount);
        }
        String phone = text(HouseholdField.CONTACT_PHONE, Doors.fold(contactPhone), 25);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new Invalid(HouseholdField.CONTACT_PHONE, "'" + phone + "' is not a phone number (digits, spaces,"
                    + " hyphens, an optional leading +)");
        }
        if (needs != null && needs.contains(null)) {
            throw new Invalid(HouseholdField.NEEDS, "holds null");
        }
        Set<HouseholdNeed> distinct = new LinkedHashSet<>(needs == null ? List.of() : needs);
        return new HouseholdValues(checked(HouseholdField.UNIT, Doors.unitLabel(unit), 20),
                checked(HouseholdField.ROOM, door, 20), text(HouseholdField.ADDRESS, address, 200), headCount,
                text(HouseholdField.CONTACT_NAME, contactName, 100), phone, List.copyOf(distinct),
                text(HouseholdField.NOTE, note, 500));
    }

    /** Head count and needs as an import file writes them; the rest as {@link #of}. */
    static HouseholdValues ofText(String unit, String room, String address, String headCount, String contactName,
                                  String contactPhone, String needs, String note) {
        return of(unit, room, address, headCount(headCount), contactName, contactPhone, needs(needs), note);
    }

    private static Integer headCount(String text) {
        String count = Doors.fold(text);
        if (count == null || count.isEmpty()) {
            throw new Invalid(HouseholdField.HEAD_COUNT, "is empty");
        }
        try {
            return Integer.valueOf(count);
        } catch (NumberFormatException e) {
            throw new Invalid(HouseholdField.HEAD_COUNT, "'" + count + "' is not a whole number");
        }
    }

    /** Needs separated by ; (also ；、 or a comma), each a code or its Chinese label (独居老人 …). */
    private static List<HouseholdNeed> needs(String text) {
        List<HouseholdNeed> needs = new ArrayList<>();
        String folded = Doors.fold(text);
        if (folded == null) {
            return needs;
        }
        for (String part : NEED_SEPARATORS.split(folded)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            HouseholdNeed need = HouseholdNeed.parse(name);
            if (need == null) {
                throw new Invalid(HouseholdField.NEEDS, "'" + name + "' is not a need (ELDERLY_ALONE/独居老人,"
                        + " CHRONIC_ILLNESS/慢性病, PREGNANCY/孕妇, DISABILITY/残疾, INFANT/婴幼儿)");
            }
            needs.add(need);
        }
        return needs;
    }

    /** Stripped; empty is null (not given). */
    private static String text(HouseholdField field, String value, int maxChars) {
        String text = value == null ? null : value.strip();
        return text == null || text.isEmpty() ? null : checked(field, text, maxChars);
    }

    private static String checked(HouseholdField field, String value, int maxChars) {
        String problem = CsvText.problem(value, maxChars);
        if (problem != null) {
            throw new Invalid(field, problem);
        }
        return value;
    }
}
