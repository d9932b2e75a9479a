// Source: jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java (jenkins-2.479.3)
// The real interface extends org.jenkinsci.remoting.SerializableOnlyOverRemoting (a Serializable).
// Left out: getCharset(), annotate(ConsoleNote), fatalError(String, Object...).
package hudson.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {

    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    // Must be initialised; the real value is a NullTaskListener that discards output. Least
    // behaviour: a non-null listener whose every method throws, like every other shim body.
    TaskListener NULL = () -> {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    };
}
