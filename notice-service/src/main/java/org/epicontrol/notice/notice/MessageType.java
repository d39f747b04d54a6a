package org.epicontrol.notice.notice;

/** As in the Common Alerting Protocol: a first message, or an update or cancellation of an earlier one. */
public enum MessageType {
    ALERT, UPDATE, CANCEL
}
