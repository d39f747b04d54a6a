package org.epicontrol.common;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on. Its {@link #code()} becomes the GraphQL error's {@code extensions.code}:
 * SmallRye copies a {@link GraphQLError}'s own extensions over the class-name code it derives by itself.
 */
public class DomainException extends RuntimeException implements GraphQLError {

    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException("NOT_FOUND", what + " " + id + " does not exist");
    }

    /** No token, or none accepted: the operation needs a signed-in member of staff. */
    public static DomainException unauthenticated(String operation) {
        return new DomainException("UNAUTHENTICATED", operation + " needs a signed-in user");
    }

    /** Signed in, but not allowed to do this (role, or outside the caller's own community or district). */
    public static DomainException forbidden(String message) {
        return new DomainException("FORBIDDEN", message);
    }

    public static DomainException invalid(String message) {
        return new DomainException("INVALID_INPUT", message);
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.ValidationError;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
