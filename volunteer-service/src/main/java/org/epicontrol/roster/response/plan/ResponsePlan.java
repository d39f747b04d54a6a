package org.epicontrol.roster.response.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

/** A version of a level's response plan: what a response opens when an area gets that level. */
@Type("ResponsePlan")
@Description("What a response opens for an area of a level (HIGH, SEALED ...), valid from a date until the next version")
public record ResponsePlan(
        @Id @NonNull String id,
        @NonNull String level,
        @NonNull LocalDate validFrom,
        @Description("First day it no longer applies; null while current") LocalDate validTo,
        String description,
        @Description("Testing rounds of the area (e.g. 3 in the first 3 days)") @NonNull int testingRounds,
        @Description("Day of the response of the first round (0: the effective date)") @NonNull int firstRoundDay,
        @Description("Days between rounds") @NonNull int roundIntervalDays,
        @NonNull List<@NonNull PlannedPost> posts,
        @NonNull List<@NonNull PlannedTask> tasks) {

    public long numericId() {
        return Long.parseLong(id);
    }

    static ResponsePlan of(PlanEntity e) {
        return new ResponsePlan(String.valueOf(e.id), e.levelCode, e.validFrom, e.validTo, e.description,
                e.testingRounds, e.firstRoundDay, e.roundIntervalDays,
                e.posts.stream().map(PlannedPost::of).toList(), e.tasks.stream().map(PlannedTask::of).toList());
    }
}
