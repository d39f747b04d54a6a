package org.epicontrol.gateway.ratelimit;

/**
 * Who a bucket belongs to: the verified token's subject for a signed-in caller, else the client address.
 *
 * @param id       token subject or address
 * @param signedIn whether {@code id} is a token subject
 */
public record ClientKey(String id, boolean signedIn) {

    public static ClientKey subject(String subject) {
        return new ClientKey(subject, true);
    }

    public static ClientKey address(String address) {
        return new ClientKey(address, false);
    }
}
