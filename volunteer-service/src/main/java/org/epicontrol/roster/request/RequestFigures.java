package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RequestFigures")
@Description("The 接诉即办 figures of one community, over the requests received in the window asked for")
public record RequestFigures(
        @Description("Still open (OPEN or ASSIGNED)") @NonNull int open,
        @Description("Still open and past their due time now") @NonNull int overdue,
        @Description("Closed as DONE") @NonNull int closed,
        @Description("Cancelled") @NonNull int cancelled,
        @Description("Median minutes from received to closed, of the DONE ones; null without any")
        Double medianMinutesToClose,
        @Ignore long communityId) {
}
