package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a build context as the tar the daemon reads; called once, while the daemon reads it (see {@link StreamedContext}). */
@FunctionalInterface
public interface ContextSource {

    /**
     * @throws ReleaseException when the context cannot be read as it was digested (a file changed, became unreadable)
     * @throws IOException      when writing to {@code out} fails
     */
    void writeTo(OutputStream out) throws IOException, ReleaseException;
}
