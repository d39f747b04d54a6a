package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.CoverageGap;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.testing.TestingRound;
import org.epicontrol.roster.testing.TestingRoundStatus;
import org.epicontrol.roster.testing.TestingRounds;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where responses stand ({@link ResponseState}) and what is still uncovered: their posts' coverage gaps in the staffed
 * window (from now, or from when the posts start), read with the coverage query.
 */
@ApplicationScoped
class ResponseStates {

    private final DutyPosts posts;
    private final TestingRounds rounds;
    private final Coverage coverage;
    private final RosterConfig roster;
    private final ResponsesConfig config;

    ResponseStates(DutyPosts posts, TestingRounds rounds, Coverage coverage, RosterConfig roster,
                   ResponsesConfig config) {
        this.posts = posts;
        this.rounds = rounds;
        this.coverage = coverage;
        this.roster = roster;
        this.config = config;
    }

    /** The views of the responses, in the same order. */
    Uni<List<Response>> views(List<ResponseEntity> responses) {
        List<Long> ids = responses.stream().map(r -> r.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rounds.ofResponses(ids).chain(roundLists -> uncovered(ids).map(gapLists -> {
            List<Response> views = new ArrayList<>(responses.size());
            for (int i = 0; i < responses.size(); i++) {
                views.add(view(responses.get(i), roundLists.get(i), gapLists.get(i)));
            }
            return views;
        }));
    }

    /** Each response's uncovered post-hours in the staffed window; none for a closed one (its posts are closed). */
    Uni<List<List<CoverageGap>>> uncovered(List<Long> responseIds) {
        return posts.ofResponses(responseIds).chain(postLists -> {
            Uni<List<List<CoverageGap>>> all = Uni.createFrom().item(new ArrayList<>());
            for (List<DutyPost> list : postLists) {
                all = all.chain(done -> gaps(list).map(g -> {
                    done.add(g);
                    return done;
                }));
            }
            return all;
        });
    }

    private Uni<List<CoverageGap>> gaps(List<DutyPost> list) {
        List<DutyPost> open = list.stream().filter(p -> p.activeUntil() == null).toList();
        if (open.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime start = open.stream().map(p -> p.activeFrom() == null || p.activeFrom().isBefore(now) ? now
                : p.activeFrom()).min(Comparator.naturalOrder()).orElse(now);
        return coverage.gapsOfPosts(open.stream().map(DutyPost::numericId).toList(), start,
                start.plus(config.staffedWindow()));
    }

    private Response view(ResponseEntity r, List<TestingRound> rounds, List<CoverageGap> gaps) {
        LocalDate today = LocalDate.now(roster.zone());
        Integer due = rounds.stream().filter(t -> t.status() == TestingRoundStatus.SCHEDULED && !t.date().isAfter(today))
                .map(TestingRound::round).min(Comparator.naturalOrder()).orElse(null);
        ResponseState state = !r.isOpen() ? ResponseState.LIFTED
                : due != null ? ResponseState.TESTING
                : gaps.isEmpty() ? ResponseState.STAFFED
                : ResponseState.OPENED;
        return new Response(String.valueOf(r.id), state, state == ResponseState.TESTING ? due : null, rounds.size(),
                r.areaId, r.areaName, r.district, r.levelCode, r.effectiveDate, r.openedAt, r.closedAt,
                r.closeReason, r.communityId);
    }
}
