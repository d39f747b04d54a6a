package org.epicontrol.common.idempotency;

import java.util.Optional;

/** What a client may send as an idempotency key: 1 to max characters of A-Z a-z 0-9 - _ . : (checked char by char). */
final class IdempotencyKeyFormat {

    private IdempotencyKeyFormat() {
    }

    /** Why the key is refused; empty if it is acceptable. */
    static Optional<String> problem(String key, int maxLength) {
        if (key.isEmpty() || key.length() > maxLength) {
            return Optional.of("an idempotency key has 1 to " + maxLength + " characters; this one has " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!allowed) {
                return Optional.of("an idempotency key has only letters, digits and - _ . : (character " + (i + 1)
                        + " is not one)");
            }
        }
        return Optional.empty();
    }
}
