package org.epicontrol.roster.task;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Input("TaskInput")
public record TaskInput(
        @NonNull TaskKind kind,
        @Description("The grid or building") @Id @NonNull String unitId,
        String household,
        @Description("The notice-service Area it belongs to") @Id String areaId,
        String description,
        OffsetDateTime dueAt) {
}
