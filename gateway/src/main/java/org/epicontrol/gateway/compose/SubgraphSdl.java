package org.epicontrol.gateway.compose;

/**
 * One subgraph as composition input: its name (used in {@code join__graph} and in error messages), the URL the
 * gateway sends its requests to, and its SDL as {@code _service { sdl }} answers it.
 */
public record SubgraphSdl(String name, String url, String sdl) {
}
