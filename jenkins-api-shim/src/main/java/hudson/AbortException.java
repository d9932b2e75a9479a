// Source: jenkinsci/jenkins core/src/main/java/hudson/AbortException.java (jenkins-2.479.3)
package hudson;

import java.io.IOException;

public class AbortException extends IOException {

    // Both constructors are left non-throwing (see README.md): plugin code under plain JUnit tests
    // throws `new AbortException(message)` for user-facing failures. The bodies are the real ones:
    // the message is kept by java.io.IOException, not by the shim.
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
