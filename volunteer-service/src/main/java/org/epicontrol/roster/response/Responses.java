package org.epicontrol.roster.response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of responses (Panache) as their views, with state. */
@ApplicationScoped
class Responses {

    private final ResponseStates states;

    Responses(ResponseStates states) {
        this.states = states;
    }

    Uni<List<Response>> byIds(List<Long> ids) {
        return Panache.withSession(() -> ResponseEntity.<ResponseEntity>list("id in ?1", ids))
                .chain(states::views)
                .map(views -> {
                    Map<Long, Response> byId = new HashMap<>();
                    views.forEach(v -> byId.put(v.numericId(), v));
                    return ids.stream().map(byId::get).toList();
                });
    }

    /** Each community's responses, newest first; only those in {@code state} when given. */
    Uni<List<List<Response>>> ofCommunities(List<Long> communityIds, ResponseState state) {
        return Panache.withSession(() -> ResponseEntity.<ResponseEntity>list(
                        "communityId in ?1 order by openedAt desc, id desc", communityIds))
                .chain(states::views)
                .map(views -> {
                    Map<Long, List<Response>> byCommunity = new HashMap<>();
                    for (Response v : views) {
                        if (state == null || v.state() == state) {
                            byCommunity.computeIfAbsent(v.communityId(), k -> new ArrayList<>()).add(v);
                        }
                    }
                    return communityIds.stream().map(id -> byCommunity.getOrDefault(id, List.of())).toList();
                });
    }

    /**
     * For each area the open response of the area, else its most recent one; an area inside a responded area (a
     * building of a sealed compound named by a notice) gets the response that noted it.
     */
    Uni<List<Response>> ofAreas(List<String> areaIds) {
        return Panache.withSession(() -> DrivingNoticeEntity.<DrivingNoticeEntity>list("areaId in ?1", areaIds)
                .chain(notices -> ResponseEntity.<ResponseEntity>list("areaId in ?1 or id in ?2"
                                + " order by openedAt desc, id desc", areaIds,
                        notices.isEmpty() ? List.of(-1L) : notices.stream().map(n -> n.responseId).toList())
                        .map(responses -> {
                            Map<String, ResponseEntity> chosen = new LinkedHashMap<>();
                            for (String area : areaIds) {
                                ResponseEntity best = null;
                                for (ResponseEntity r : responses) {
                                    boolean concerns = r.areaId.equals(area) || notices.stream()
                                            .anyMatch(n -> n.responseId == r.id && n.areaId.equals(area));
                                    if (concerns && (best == null || r.isOpen() && !best.isOpen())) {
                                        best = r;
                                    }
                                }
                                chosen.put(area, best);
                            }
                            return chosen;
                        })))
                .chain(chosen -> {
                    List<ResponseEntity> found = chosen.values().stream().filter(r -> r != null).distinct().toList();
                    return states.views(found).map(views -> {
                        Map<Long, Response> byId = new HashMap<>();
                        views.forEach(v -> byId.put(v.numericId(), v));
                        return areaIds.stream().map(a -> chosen.get(a) == null ? null : byId.get(chosen.get(a).id))
                                .toList();
                    });
                });
    }
}
