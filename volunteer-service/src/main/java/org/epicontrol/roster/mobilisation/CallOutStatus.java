package org.epicontrol.roster.mobilisation;

/** A call-out is answered while OPEN; closing it ends its invitations (answers and sign-ups made stay). */
public enum CallOutStatus {
    OPEN, CLOSED
}
