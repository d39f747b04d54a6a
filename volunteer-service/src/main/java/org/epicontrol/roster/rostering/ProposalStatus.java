package org.epicontrol.roster.rostering;

public enum ProposalStatus {
    QUEUED, SOLVING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
