package org.dysonsim.persistence;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * H2's files as a writer of the journal creates them ({@code jdbc:h2:dyson-owner:/path/dyson}):
 * readable and writable by the owner only (0600), whatever the umask — the database, and the lock
 * file that holds the key of H2's automatic server, which H2 writes again each time a process
 * opens the database. Public only because H2 creates its paths by reflection.
 */
public final class OwnerOnlyFilePath extends FilePathWrapper {

    static final String SCHEME = "dyson-owner";

    static {
        FilePath.register(new OwnerOnlyFilePath());
    }

    /** H2 makes one per path, by reflection. */
    public OwnerOnlyFilePath() {
        // the path's name is set by H2
    }

    /** The URL prefix; the first call makes the scheme known to H2. */
    static String prefix() {
        return SCHEME + ":";
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean createFile() {
        try {
            createOwnerOnly();
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return super.createFile();
        }
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createIfAbsent();
        return super.newOutputStream(append);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) createIfAbsent();
        return super.open(mode);
    }

    private void createIfAbsent() throws IOException {
        try {
            createOwnerOnly();
        } catch (FileAlreadyExistsException e) {
            // created before, with these permissions if by this class
        }
    }

    private void createOwnerOnly() throws IOException {
        Path file = Path.of(getBase().toString());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }
}
