package org.epicontrol.gateway.subscribe;

/**
 * The graphql-transport-ws protocol (enisdenjo/graphql-ws PROTOCOL.md): subprotocol name, message types and the
 * close codes this gateway uses.
 */
final class TransportWs {
    static final String SUBPROTOCOL = "graphql-transport-ws";

    static final String CONNECTION_INIT = "connection_init";
    static final String CONNECTION_ACK = "connection_ack";
    static final String PING = "ping";
    static final String PONG = "pong";
    static final String SUBSCRIBE = "subscribe";
    static final String NEXT = "next";
    static final String ERROR = "error";
    static final String COMPLETE = "complete";

    /** Invalid message (not JSON, unknown type, missing id or payload). */
    static final short BAD_REQUEST = 4400;
    /** {@code subscribe} before the connection was acknowledged. */
    static final short UNAUTHORIZED = 4401;
    /** The token of {@code connection_init} was refused, or it expired on an open connection. */
    static final short FORBIDDEN = 4403;
    /** No {@code connection_init} in time; also no {@code pong} to the gateway's ping in time. */
    static final short TIMEOUT = 4408;
    /** A second {@code subscribe} with an id in use. */
    static final short SUBSCRIBER_EXISTS = 4409;
    /** A second {@code connection_init}. */
    static final short TOO_MANY_INIT = 4429;
    /** Gateway failure; also a client too slow to take its messages (see {@link Outbox}). */
    static final short INTERNAL_ERROR = 4500;

    private TransportWs() {
    }
}
