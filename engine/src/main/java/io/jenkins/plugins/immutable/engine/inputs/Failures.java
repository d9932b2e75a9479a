package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The user-facing messages for files of the context that cannot be read. */
final class Failures {

    private Failures() {
    }

    /** A file or folder of the context that could not be read: which, why, and what to do. */
    static InvalidInputException unreadable(Path file, IOException e) {
        return new InvalidInputException("context", "cannot read " + file + " (" + reason(e) + "): make it readable"
                + " by the user running the build, or exclude it in " + DockerIgnore.FILE_NAME);
    }

    /** A short reason without the path (which the caller names) or a stack trace. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "a file system loop";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
