package org.epicontrol.roster.response.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.task.TaskKind;

@Type("PlannedTask")
@Description("A task a response creates for its area: once, or one a day while shifts are planned")
public record PlannedTask(
        @NonNull String key,
        @NonNull TaskKind kind,
        @NonNull String description,
        @Description("One task a day (e.g. supply delivery) instead of one") @NonNull boolean daily) {

    static PlannedTask of(PlanTaskEntity e) {
        return new PlannedTask(e.itemKey, TaskKind.valueOf(e.kind), e.description, e.daily);
    }
}
