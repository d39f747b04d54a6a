package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures, not a test (its name keeps it out of {@code ./mvnw verify}): benchmarks/rostering/run.sh runs it. One
 * community week ({@link CommunityWeek}: 336 places, 150 volunteers) solved by Timefold against a greedy first-fit
 * baseline, then a street of 10 such communities solved as 10 independent problems at once. The service's own solver
 * configuration ({@code solverConfig.xml}, {@link SolverSettings}); budget per solve: {@code -Dbench.seconds} (default
 * 30), {@code -Dbench.unimproved} seconds without a better score (default 5, as {@code rostering.unimproved-limit}),
 * {@code -Dbench.threshold} the least gain over them (default {@code 0hard/0medium/1000soft}, as
 * {@code rostering.unimproved-threshold}; {@code none}: any gain).
 */
class RosteringBenchmark {

    private static final long SECONDS = Long.getLong("bench.seconds", 30);
    private static final long UNIMPROVED = Long.getLong("bench.unimproved", 5);
    private static final String THRESHOLD = System.getProperty("bench.threshold", "0hard/0medium/1000soft");

    /** {@code firstFullSeconds}: the first feasible best solution filling every fillable place (-1: never). */
    record Figures(long filled, long fillable, long total, long breaks, double hoursStdDev, String score,
                   double firstFeasibleSeconds, double firstFullSeconds, double lastImprovementSeconds, double seconds) {

        String line(String name) {
            return String.format(Locale.ROOT, "%-16s filled %3d / %3d fillable (%d places)  hard-rule breaks %d  hours sd %5.2f"
                            + "  first feasible %6.2f s  all fillable filled %6.2f s  last improvement %6.2f s  total %6.2f s  %s",
                    name, filled, fillable, total, breaks, hoursStdDev, firstFeasibleSeconds, firstFullSeconds,
                    lastImprovementSeconds, seconds,
                    score == null ? "" : "score " + score);
        }
    }

    @Test
    void communityWeekAndAStreetOfTen() throws Exception {
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        SolverFactory<RosterPlan> factory = SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")
                .withSolutionClass(RosterPlan.class)
                .withEntityClasses(Place.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withTerminationConfig(new SolverSettings(Duration.ofSeconds(UNIMPROVED), "none".equals(THRESHOLD) ? null : THRESHOLD)
                        .termination(Duration.ofSeconds(SECONDS))));

        System.out.println(greedy(CommunityWeek.build(1)).line("greedy first-fit"));
        System.out.println(solve(factory, CommunityWeek.build(1)).line("timefold"));

        ExecutorService street = Executors.newFixedThreadPool(10);
        long start = System.nanoTime();
        List<Future<Figures>> solving = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            long seed = c;
            solving.add(street.submit(() -> solve(factory, CommunityWeek.build(seed))));
        }
        for (int c = 0; c < 10; c++) {
            System.out.println(solving.get(c).get().line("street #" + (c + 1)));
        }
        System.out.printf(Locale.ROOT, "street of 10 communities in parallel: %.2f s wall%n",
                (System.nanoTime() - start) / 1e9);
        street.shutdown();
    }

    static Figures solve(SolverFactory<RosterPlan> factory, RosterPlan problem) {
        Solver<RosterPlan> solver = factory.buildSolver();
        long start = System.nanoTime();
        long fillable = fillable(problem);
        double[] firstFeasible = {-1};
        double[] firstFull = {-1};
        double[] last = {0};
        solver.addEventListener(event -> {
            double at = (System.nanoTime() - start) / 1e9;
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (firstFeasible[0] < 0 && score.isFeasible()) {
                firstFeasible[0] = at;
            }
            if (firstFull[0] < 0 && score.isFeasible() && -score.mediumScore() <= problem.total() - fillable) {
                firstFull[0] = at;
            }
            last[0] = at;
        });
        RosterPlan best = solver.solve(problem);
        double seconds = (System.nanoTime() - start) / 1e9;
        String score = String.valueOf(best.getScore());
        return figures(best, score, firstFeasible[0], firstFull[0], last[0], seconds);
    }

    /** Each place in time order to the first person (by id) who may take it under every rule. */
    static Figures greedy(RosterPlan plan) {
        long start = System.nanoTime();
        Map<Person, List<Place>> taken = new HashMap<>();
        for (Place place : plan.getPlaces()) {
            for (Person person : plan.getPeople()) {
                List<Place> theirs = taken.computeIfAbsent(person, k -> new ArrayList<>());
                if (Review.refusal(place, person, theirs) == null) {
                    place.setPerson(person);
                    theirs.add(place);
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return figures(plan, null, seconds, seconds, seconds, seconds);
    }

    /** An upper bound of what can be filled: places with a qualified person available then. */
    static long fillable(RosterPlan plan) {
        return plan.getPlaces().stream().filter(p -> plan.getPeople().stream().anyMatch(person ->
                p.getQualification().admits(person.id(), person.kinds(), person.skills())
                        && person.availability().covers(p.getInterval()))).count();
    }

    private static Figures figures(RosterPlan plan, String score, double firstFeasible, double firstFull, double last,
                                   double seconds) {
        // breaks counted independently of the solver's score: every place against its person's other places
        Map<Person, List<Place>> byPerson = new HashMap<>();
        plan.getPlaces().stream().filter(p -> p.getPerson() != null)
                .forEach(p -> byPerson.computeIfAbsent(p.getPerson(), k -> new ArrayList<>()).add(p));
        long breaks = 0;
        for (List<Place> theirs : byPerson.values()) {
            for (Place p : theirs) {
                if (Review.refusal(p, p.getPerson(), theirs) != null) {
                    breaks++;
                }
            }
        }
        double[] hours = plan.getPeople().stream().mapToDouble(person -> byPerson.getOrDefault(person, List.of())
                .stream().mapToLong(Place::minutes).sum() / 60.0).toArray();
        double mean = java.util.Arrays.stream(hours).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(hours).map(h -> (h - mean) * (h - mean)).average().orElse(0));
        return new Figures(plan.filled(), fillable(plan), plan.total(), breaks, sd, score, firstFeasible, firstFull, last,
                seconds);
    }
}
