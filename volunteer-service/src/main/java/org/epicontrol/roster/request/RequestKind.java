package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RequestKind")
@Description("What a resident asks for: medicine, supplies, transport (to hospital, dialysis), a medical emergency, other")
public enum RequestKind {
    MEDICINE, SUPPLIES, TRANSPORT, MEDICAL_EMERGENCY, OTHER
}
