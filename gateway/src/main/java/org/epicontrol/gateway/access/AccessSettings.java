package org.epicontrol.gateway.access;

/**
 * How the access directives are applied ({@code gateway.authorization.*}): on or off; dry run (nothing removed, the
 * errors still reported and logged, as Apollo Router's {@code dry_run}); whether removals are reported in the
 * response's errors and in the log.
 */
public record AccessSettings(boolean enabled, boolean dryRun, boolean errorsInResponse, boolean logErrors) {
    public static final AccessSettings OFF = new AccessSettings(false, false, true, false);
}
