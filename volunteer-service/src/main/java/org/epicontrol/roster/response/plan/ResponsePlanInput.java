package org.epicontrol.roster.response.plan;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.roster.people.VolunteerKind;
import org.epicontrol.roster.post.PostKind;
import org.epicontrol.roster.task.TaskKind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

@Input("ResponsePlanInput")
@Description("A new version of a level's plan from a date: the version in force then ends that day")
public record ResponsePlanInput(
        @NonNull String level,
        @NonNull LocalDate validFrom,
        String description,
        @DefaultValue("0") Integer testingRounds,
        @DefaultValue("0") Integer firstRoundDay,
        @DefaultValue("1") Integer roundIntervalDays,
        List<Post> posts,
        List<Task> tasks) {

    @Input("PlannedPostInput")
    public record Post(@NonNull String key, @NonNull PostKind kind, @NonNull String nameTemplate,
                       @DefaultValue("true") Boolean aroundTheClock, @NonNull int shiftHours,
                       @DefaultValue("08:00") LocalTime dayStartsAt, @NonNull int headcount,
                       List<VolunteerKind> allowedKinds, String requiredSkill) {
    }

    @Input("PlannedTaskInput")
    public record Task(@NonNull String key, @NonNull TaskKind kind, @NonNull String description,
                       @DefaultValue("false") Boolean daily) {
    }
}
