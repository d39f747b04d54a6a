package org.epicontrol.gateway.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    @Test
    void acceptsDeferWhereAMultipartRangeNamesTheDeferSpec() {
        assertTrue(MultipartWriter.acceptsDefer("multipart/mixed;deferSpec=20220824, application/json"));
        assertTrue(MultipartWriter.acceptsDefer("multipart/mixed;deferSpec=20220824,application/graphql-response+json,"
                + "application/json;q=0.9"));
        assertTrue(MultipartWriter.acceptsDefer("application/json, Multipart/Mixed; boundary=\"-\"; deferSpec=\"20220824\""));
    }

    @Test
    void doesNotAcceptDeferWithoutTheSpecOrForAnotherType() {
        assertFalse(MultipartWriter.acceptsDefer(null));
        assertFalse(MultipartWriter.acceptsDefer("application/json"));
        assertFalse(MultipartWriter.acceptsDefer("multipart/mixed"));
        assertFalse(MultipartWriter.acceptsDefer("multipart/mixed;subscriptionSpec=1.0, application/json"));
        assertFalse(MultipartWriter.acceptsDefer("multipart/mixed;deferSpec=20990101"));
        assertFalse(MultipartWriter.acceptsDefer("text/plain;deferSpec=20220824"));
    }
}
