// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Saveable.java (jenkins-2.479.3)
// The NOOP constant is left out.
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}
