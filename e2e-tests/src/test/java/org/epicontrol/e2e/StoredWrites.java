package org.epicontrol.e2e;

import org.epicontrol.e2e.RetryingWriter.Outcome;
import org.epicontrol.e2e.WriteLoad.Write;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the databases hold for each write of a {@link WriteLoad}, judged against what its client was told: an
 * acknowledged write stored exactly once, under its idempotency key; a refused one not at all; one without an answer at
 * most once; each stored write with exactly one audit event; and for the whole community no shift over its headcount
 * and nobody on two overlapping shifts. Read with the databases' superuser after the load has stopped.
 */
final class StoredWrites {

    /** The counts of one fault's writes, and every problem found, one sentence each. */
    record Report(String fault, int tried, int acknowledged, int stored, int lost, int doubled, int failedButStored,
                  int unknown, int auditMismatch, int retried, long overHeadcount, long doubleBooked,
                  List<String> problems) {

        static final String HEADER = "| fault | tried | acknowledged | stored | lost | doubled | failed but stored"
                + " | unknown | audit/key mismatch | sent more than once | shifts over headcount | double-booked |";

        String row() {
            return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |".formatted(fault, tried, acknowledged,
                    stored, lost, doubled, failedButStored, unknown, auditMismatch, retried, overHeadcount,
                    doubleBooked);
        }
    }

    private final Connection volunteers;
    private final Connection notices;
    private final FaultCommunity community;
    /** Stored rows per write, and their audit events. */
    private final Map<String, List<String>> signUps = new HashMap<>();
    private final Map<String, List<String>> proposals = new HashMap<>();
    private final Map<String, String> proposalStatus = new HashMap<>();
    private final Map<String, String> shiftOfAssignment = new HashMap<>();
    private final Map<String, List<String>> handOvers = new HashMap<>();
    private final Map<String, List<String>> importsByNumber = new HashMap<>();
    private final Map<String, Integer> audits = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    private StoredWrites(Connection volunteers, Connection notices, FaultCommunity community) {
        this.volunteers = volunteers;
        this.notices = notices;
        this.community = community;
    }

    /** Judges {@code writes} of the load under {@code fault}. */
    static Report judge(RunningSuite suite, FaultCommunity community, String fault, List<Write> writes)
            throws SQLException {
        try (Connection volunteers = suite.connectToDatabase("volunteers");
             Connection notices = suite.connectToDatabase("notices")) {
            StoredWrites stored = new StoredWrites(volunteers, notices, community);
            stored.read(writes);
            return stored.judge(fault, writes);
        }
    }

    private void read(List<Write> writes) throws SQLException {
        Array shifts = ids(volunteers, community.shifts());
        for (String[] row : rows(volunteers, "select id, shift_id, volunteer_id, source from assignment"
                + " where shift_id = any(?)", shifts)) {
            shiftOfAssignment.put(row[0], row[1]);
            if (row[3].equals("SIGN_UP")) {
                signUps.computeIfAbsent(row[1] + "/" + row[2], k -> new ArrayList<>()).add(row[0]);
            } else if (row[3].equals("HAND_OVER")) {
                handOvers.computeIfAbsent(row[1] + "/" + row[2], k -> new ArrayList<>()).add(row[0]);
            }
        }
        for (String[] row : rows(volunteers, "select w.id, w.from_assignment_id, w.to_volunteer_id, w.status"
                + " from swap_request w join assignment a on a.id = w.from_assignment_id where a.shift_id = any(?)",
                shifts)) {
            proposals.computeIfAbsent(row[1] + "/" + row[2], k -> new ArrayList<>()).add(row[0]);
            proposalStatus.put(row[0], row[3]);
        }
        for (String[] row : rows(volunteers, "select action, target_id, count(*) from audit_event"
                + " where action in ('SIGN_UP', 'PROPOSE_SWAP', 'HAND_OVER')"
                + " and target_id = any(?) group by action, target_id",
                volunteers.createArrayOf("text", touched().toArray()))) {
            audits.put(row[0] + "/" + row[1], Integer.parseInt(row[2]));
        }
        List<Integer> numbers = writes.stream().filter(w -> w.kind().equals("importNotice"))
                .map(w -> (Integer) w.names().get("number")).toList();
        if (!numbers.isEmpty()) {
            for (String[] row : rows(notices, "select id, number from notice where year = ? and number = any(?)",
                    WriteLoad.IMPORT_YEAR, notices.createArrayOf("int", numbers.toArray()))) {
                importsByNumber.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
            }
            List<String> ids = importsByNumber.values().stream().flatMap(List::stream).toList();
            for (String[] row : rows(notices, "select action, target_id, count(*) from audit_event"
                    + " where action = 'IMPORT' and target_id = any(?) group by action, target_id",
                    notices.createArrayOf("text", ids.toArray()))) {
                audits.put(row[0] + "/" + row[1], Integer.parseInt(row[2]));
            }
        }
        List<String> sentKeys = writes.stream().map(w -> w.result().key()).toList();
        for (Connection db : List.of(volunteers, notices)) {
            for (String[] row : rows(db, "select key from idempotency_key where key = any(?)",
                    db.createArrayOf("text", sentKeys.toArray()))) {
                keys.add(row[0]);
            }
        }
    }

    /** The ids whose audit events count: every assignment and swap request of the community's shifts. */
    private Set<String> touched() {
        Set<String> ids = new HashSet<>(shiftOfAssignment.keySet());
        ids.addAll(proposalStatus.keySet());
        return ids;
    }

    private Report judge(String fault, List<Write> writes) throws SQLException {
        List<String> problems = new ArrayList<>();
        int acknowledged = 0;
        int stored = 0;
        int lost = 0;
        int doubled = 0;
        int failedButStored = 0;
        int unknown = 0;
        int mismatch = 0;
        int retried = 0;
        for (Write write : writes) {
            Outcome outcome = write.result().outcome();
            List<String> rows = rowsOf(write);
            int events = auditEvents(write, rows);
            String what = write.kind() + " " + write.names() + " (" + outcome + (write.result().code() == null ? ""
                    : " " + write.result().code()) + ", sent " + write.result().tries() + " times)";
            retried += write.result().tries() > 1 ? 1 : 0;
            stored += rows.isEmpty() || outcome == Outcome.FAILED ? 0 : 1;
            switch (outcome) {
                case ACKNOWLEDGED -> {
                    acknowledged++;
                    if (rows.isEmpty()) {
                        lost++;
                        problems.add(what + ": acknowledged, not stored");
                    } else if (!keys.contains(write.result().key())) {
                        mismatch++;
                        problems.add(what + ": acknowledged without its idempotency key stored");
                    }
                }
                case FAILED -> {
                    if (!rows.isEmpty()) {
                        failedButStored++;
                        problems.add(what + ": refused, yet stored as " + rows);
                    }
                }
                case UNKNOWN -> unknown++;
            }
            if (rows.size() > 1) {
                doubled++;
                problems.add(what + ": stored " + rows.size() + " times: " + rows);
            }
            if (!rows.isEmpty() && events != rows.size()) {
                mismatch++;
                problems.add(what + ": " + rows.size() + " stored, " + events + " audit events");
            }
            if (write.kind().equals("acceptSwap") && !rows.isEmpty() && handedOver(write).size() != 1) {
                doubled++;
                problems.add(what + ": accepted, and its taker holds " + handedOver(write).size()
                        + " handed-over assignments of the shift: " + handedOver(write));
            }
        }
        Array shifts = ids(volunteers, community.shifts());
        long over = Long.parseLong(rows(volunteers, "select count(*) from shift s where s.id = any(?) and (select"
                + " count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') > s.required_headcount",
                shifts).get(0)[0]);
        long doubleBooked = Long.parseLong(rows(volunteers, "select count(*) from assignment a join assignment b"
                + " on a.volunteer_id = b.volunteer_id and a.id < b.id and a.during && b.during"
                + " where a.status = 'ACTIVE' and b.status = 'ACTIVE' and a.volunteer_id = any(?)",
                ids(volunteers, community.volunteers())).get(0)[0]);
        if (over > 0) {
            problems.add(over + " shifts over their headcount");
        }
        if (doubleBooked > 0) {
            problems.add(doubleBooked + " pairs of overlapping active assignments of one volunteer");
        }
        return new Report(fault, writes.size(), acknowledged, stored, lost, doubled, failedButStored, unknown, mismatch,
                retried, over, doubleBooked, List.copyOf(problems));
    }

    /** The rows a write stored (ids). */
    private List<String> rowsOf(Write write) {
        Map<String, Object> names = write.names();
        return switch (write.kind()) {
            case "signUp" -> signUps.getOrDefault(names.get("s") + "/" + names.get("v"), List.of());
            case "proposeSwap" -> proposals.getOrDefault(names.get("a") + "/" + names.get("to"), List.of());
            case "acceptSwap" -> {
                // the swap request accepted is the hand-over's record; its new assignment names no swap
                String swap = names.get("s").toString();
                yield "ACCEPTED".equals(proposalStatus.get(swap)) ? List.of(swap) : List.of();
            }
            case "importNotice" -> importsByNumber.getOrDefault(names.get("number").toString(), List.of());
            default -> throw new IllegalArgumentException(write.kind());
        };
    }

    /** The assignments handed over to the taker of an acceptSwap on the shift of its proposal. */
    private List<String> handedOver(Write write) {
        String swap = write.names().get("s").toString();
        String from = proposals.entrySet().stream().filter(e -> e.getValue().contains(swap))
                .map(e -> e.getKey().split("/")[0]).findFirst().orElseThrow();
        return handOvers.getOrDefault(shiftOfAssignment.get(from) + "/" + write.names().get("v"), List.of());
    }

    /** The audit events of the rows a write stored (a hand-over's: of its swap request). */
    private int auditEvents(Write write, List<String> rows) {
        return switch (write.kind()) {
            case "signUp" -> eventsOf("SIGN_UP", rows);
            case "proposeSwap" -> eventsOf("PROPOSE_SWAP", rows);
            case "acceptSwap" -> eventsOf("HAND_OVER", rows);
            case "importNotice" -> eventsOf("IMPORT", rows);
            default -> throw new IllegalArgumentException(write.kind());
        };
    }

    private int eventsOf(String action, List<String> ids) {
        return ids.stream().mapToInt(id -> audits.getOrDefault(action + "/" + id, 0)).sum();
    }

    private static Array ids(Connection db, List<String> ids) throws SQLException {
        return db.createArrayOf("bigint", ids.stream().map(Long::valueOf).toArray());
    }

    private static List<String[]> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getString(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
