package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.persistence.Reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of responses (Hibernate Reactive, a session per read) as their views, with state. */
@ApplicationScoped
public class Responses {

    private final Reading reading;
    private final ResponseStates states;

    Responses(Reading reading, ResponseStates states) {
        this.reading = reading;
        this.states = states;
    }

    public Uni<List<Response>> byIds(List<Long> ids) {
        return reading.apply(s -> s.createSelectionQuery("from ResponseEntity where id in ?1", ResponseEntity.class)
                        .setParameter(1, ids).getResultList())
                .chain(states::views)
                .map(views -> {
                    Map<Long, Response> byId = new HashMap<>();
                    views.forEach(v -> byId.put(v.numericId(), v));
                    return ids.stream().map(byId::get).toList();
                });
    }

    /** Each community's responses, newest first; only those in {@code state} when given. */
    Uni<List<List<Response>>> ofCommunities(List<Long> communityIds, ResponseState state) {
        return reading.apply(s -> s.createSelectionQuery("from ResponseEntity where communityId in ?1"
                        + " order by openedAt desc, id desc", ResponseEntity.class).setParameter(1, communityIds)
                        .getResultList())
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
        return reading.apply(s -> s.createSelectionQuery("from DrivingNoticeEntity where areaId in ?1",
                        DrivingNoticeEntity.class).setParameter(1, areaIds).getResultList()
                .chain(notices -> s.createSelectionQuery("from ResponseEntity where areaId in ?1 or id in ?2"
                                + " order by openedAt desc, id desc", ResponseEntity.class).setParameter(1, areaIds)
                        .setParameter(2, notices.isEmpty() ? List.of(-1L) : notices.stream().map(n -> n.responseId).toList())
                        .getResultList()
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
