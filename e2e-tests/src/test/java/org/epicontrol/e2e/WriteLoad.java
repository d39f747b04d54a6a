package org.epicontrol.e2e;

import org.epicontrol.e2e.RetryingWriter.Outcome;
import org.epicontrol.e2e.RetryingWriter.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients writing through the gateway until stopped, each write by a {@link RetryingWriter}: sign-ups of a
 * fresh shift × volunteer pair of a {@link FaultCommunity} (6 in 10), hand-overs of an acknowledged sign-up to another
 * volunteer (proposeSwap then acceptSwap, 3 in 10) and imports of a notice with a fresh number (1 in 10). Every write
 * and what its client was told go into the ledger, for {@link StoredWrites} to compare with the databases.
 */
final class WriteLoad {

    /** One write: its kind, what it names (its variables; an import: its number) and what its client was told. */
    record Write(String kind, Map<String, Object> names, Result result) {
    }

    static final String SIGN_UP = "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }";
    static final String PROPOSE = "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }";
    static final String ACCEPT = "mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { id status } }";
    static final String IMPORT = "mutation($t: String!, $y: Int) { importNotice(text: $t, year: $y) { notice { id } } }";
    /** The year of the imported notices (their date, 3月1日, lies before today). */
    static final int IMPORT_YEAR = 2021;

    private final RetryingWriter writer;
    private final FaultCommunity community;
    private final int firstNumber;
    private final ConcurrentLinkedQueue<Write> ledger = new ConcurrentLinkedQueue<>();
    private final Set<List<String>> pairsTried = new HashSet<>();
    /** Acknowledged sign-ups not yet handed over: assignment id and its volunteer. */
    private final List<String[]> handable = new ArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    /** Imports are numbered from {@code firstNumber} on: one range per run of the test, unlike other tests' numbers. */
    WriteLoad(RetryingWriter writer, FaultCommunity community, int firstNumber) {
        this.writer = writer;
        this.community = community;
        this.firstNumber = firstNumber;
    }

    void start(int clientCount) {
        clients = Executors.newFixedThreadPool(clientCount, r -> {
            Thread t = new Thread(r, "fault-load-client");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < clientCount; i++) {
            running.add(clients.submit(() -> {
                while (!stopping.get()) {
                    writeOne();
                }
                return null;
            }));
        }
    }

    /** Writes acknowledged so far. */
    int acknowledged() {
        return acknowledged.get();
    }

    /** Lets each client finish its write (retries included: at most the writer's give-up) and stops them. */
    List<Write> stop() throws Exception {
        stopping.set(true);
        for (Future<?> client : running) {
            client.get(); // a client's failure (a bug of the test) fails the test
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        return List.copyOf(ledger);
    }

    private void writeOne() throws InterruptedException {
        int dice = ThreadLocalRandom.current().nextInt(10);
        if (dice < 6) {
            signUp();
        } else if (dice < 9) {
            handOver();
        } else {
            importNotice();
        }
    }

    private void signUp() throws InterruptedException {
        List<String> pair = freshPair();
        if (pair == null) {
            return;
        }
        Map<String, Object> variables = Map.of("s", pair.get(0), "v", pair.get(1));
        Result result = record("signUp", SIGN_UP, "sysadmin", variables, variables);
        if (result.outcome() == Outcome.ACKNOWLEDGED && result.data() != null) {
            synchronized (this) {
                handable.add(new String[] {result.data().path("id").asText(), pair.get(1)});
            }
        }
    }

    private void handOver() throws InterruptedException {
        String[] given;
        synchronized (this) {
            if (handable.isEmpty()) {
                return;
            }
            given = handable.remove(ThreadLocalRandom.current().nextInt(handable.size()));
        }
        String taker = other(given[1]);
        Map<String, Object> proposal = Map.of("a", given[0], "to", taker);
        Result proposed = record("proposeSwap", PROPOSE, "sysadmin", proposal, proposal);
        if (proposed.outcome() == Outcome.ACKNOWLEDGED && proposed.data() != null) {
            Map<String, Object> acceptance = Map.of("s", proposed.data().path("id").asText(), "v", taker);
            record("acceptSwap", ACCEPT, "sysadmin", acceptance, acceptance);
        }
    }

    private void importNotice() throws InterruptedException {
        int number = firstNumber + numbers.getAndIncrement();
        String text = "## 市疫情防控办发布第" + number + "号通告:\n\n本报讯 3月1日,市疫情防控办发布第" + number
                + "号通告,即日起我市调整为低风险区1个。调整为低风险区1个,分别是:\n\n试验县(1个):故障小区" + number + "。\n";
        record("importNotice", IMPORT, "editor", Map.of("t", text, "y", IMPORT_YEAR), Map.of("number", number));
    }

    private Result record(String kind, String mutation, String user, Map<String, Object> variables,
                          Map<String, Object> names) throws InterruptedException {
        Result result = writer.write(user, kind, mutation, variables);
        ledger.add(new Write(kind, names, result));
        if (result.outcome() == Outcome.ACKNOWLEDGED) {
            acknowledged.incrementAndGet();
        }
        return result;
    }

    private synchronized List<String> freshPair() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 1000; i++) {
            List<String> pair = List.of(community.shifts().get(random.nextInt(community.shifts().size())),
                    community.volunteers().get(random.nextInt(community.volunteers().size())));
            if (pairsTried.add(pair)) {
                return pair;
            }
        }
        return null;
    }

    private String other(String volunteer) {
        List<String> others = community.volunteers().stream().filter(v -> !v.equals(volunteer)).toList();
        return others.get(ThreadLocalRandom.current().nextInt(others.size()));
    }
}
