package org.epicontrol.gateway.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest file and the version of it in service. {@link #reload} reads it only when its modification time or
 * size changed; a file that cannot be used leaves the manifest in service unchanged and is not read again until it
 * changes.
 */
public final class ManifestFile {
    private final Path path;
    private final ManifestParser parser;
    private volatile DocumentManifest current;
    private String loadedVersion;

    public ManifestFile(Path path, ManifestParser parser) {
        this.path = path;
        this.parser = parser;
    }

    /**
     * Reads the file if it changed. Returns whether a new manifest is in service; throws {@link ManifestException}
     * when the file changed but cannot be used (the previous manifest, if any, stays).
     */
    public synchronized boolean reload() {
        String version;
        byte[] json;
        try {
            version = Files.getLastModifiedTime(path).toMillis() + ":" + Files.size(path);
            if (version.equals(loadedVersion)) {
                return false;
            }
            json = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ManifestException("cannot read trusted documents manifest " + path + ": " + e);
        }
        loadedVersion = version; // a broken file is reported once, not at every poll
        try {
            current = parser.parse(json);
        } catch (ManifestException e) {
            throw new ManifestException("trusted documents manifest " + path + ": " + e.getMessage());
        }
        return true;
    }

    /** The manifest in service, or null before the first successful read. */
    public DocumentManifest current() {
        return current;
    }

    public Path path() {
        return path;
    }
}
