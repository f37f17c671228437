package org.dysonsim.persistence;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/**
 * H2's files seen through a read-only lens ({@code jdbc:h2:dyson-read:/path/dyson}): nothing can
 * be written, created or deleted, and the lock file a process left behind when it died is not
 * seen. H2 refuses to open a database read-only while a lock file exists, even one nobody holds,
 * and cannot remove it without writing; reading through this lens needs neither. Public only
 * because H2 creates its paths by reflection.
 */
public final class ReadOnlyFilePath extends FilePathWrapper {

    static final String SCHEME = "dyson-read";
    private static final String LOCK_SUFFIX = ".lock.db";

    static {
        FilePath.register(new ReadOnlyFilePath());
    }

    /** H2 makes one per path, by reflection. */
    public ReadOnlyFilePath() {
        // the path's name is set by H2
    }

    /** The URL prefix of the lens; the first call makes the scheme known to H2. */
    static String prefix() {
        return SCHEME + ":";
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean exists() {
        return !name.endsWith(LOCK_SUFFIX) && super.exists();
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return super.open("r");
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public boolean createFile() {
        return false;
    }

    @Override
    public void createDirectory() {
        throw new UnsupportedOperationException("the journal is open for reading only: " + name);
    }

    @Override
    public void delete() {
        throw new UnsupportedOperationException("the journal is open for reading only: " + name);
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        throw new UnsupportedOperationException("the journal is open for reading only: " + name);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        throw new IOException("the journal is open for reading only: " + name);
    }
}
