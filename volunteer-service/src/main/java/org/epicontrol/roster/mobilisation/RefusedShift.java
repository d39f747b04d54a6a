package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A shift an accepted answer named that did not become a sign-up, with the roster rule's error code"
        + " (SHIFT_FULL, OVERLAPPING_SHIFT, NOT_QUALIFIED, MAX_HOURS_EXCEEDED, MIN_REST_VIOLATED, …) or"
        + " SHIFT_NOT_IN_CALL_OUT")
public record RefusedShift(@Id @NonNull String shiftId, @NonNull String code, @NonNull String message) {
}
