package org.epicontrol.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest file as the gateway polls it: read when changed, a broken version never replaces a good one. */
class ManifestFileTest {
    private static final String ME = "query Me { me { name } }";
    private static final String TOP = "query Top { topProducts(first: 2) { name } }";

    @TempDir
    Path dir;

    private static void write(Path file, String json, long modifiedMillis) throws Exception {
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }

    @Test
    void aChangedFileReplacesTheManifestAndAnUnchangedOneIsNotReadAgain() throws Exception {
        Path path = dir.resolve("persisted-documents.json");
        write(path, Manifests.codegen(ME), 1_000_000);
        ManifestFile file = new ManifestFile(path, new ManifestParser(new ObjectMapper()));
        assertTrue(file.reload());
        assertFalse(file.reload());
        write(path, Manifests.apollo(ME, TOP), 2_000_000);
        assertTrue(file.reload());
        assertEquals(2, file.current().size());
    }

    @Test
    void aWrongIdKeepsThePreviousManifestAndIsReportedOnce() throws Exception {
        Path path = dir.resolve("manifest.json");
        write(path, Manifests.apollo(ME), 1_000_000);
        ManifestFile file = new ManifestFile(path, new ManifestParser(new ObjectMapper()));
        file.reload();
        write(path, Manifests.apollo(ME, TOP).replace(Manifests.sha256(TOP), Manifests.sha256(ME)), 2_000_000);
        ManifestException e = assertThrows(ManifestException.class, file::reload);
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertEquals(1, file.current().size());
        assertTrue(file.current().registered(Manifests.sha256(ME)));
        assertFalse(file.reload(), "the same broken file is not read again");
    }

    @Test
    void aBrokenOrMissingFileAtStartLeavesNoManifest() throws Exception {
        Path path = dir.resolve("manifest.json");
        ManifestFile missing = new ManifestFile(path, new ManifestParser(new ObjectMapper()));
        assertThrows(ManifestException.class, missing::reload);
        assertNull(missing.current());
        write(path, "{\"" + "a".repeat(64) + "\": \"" + ME + "\"}", 1_000_000);
        assertThrows(ManifestException.class, missing::reload);
        assertNull(missing.current());
    }
}
