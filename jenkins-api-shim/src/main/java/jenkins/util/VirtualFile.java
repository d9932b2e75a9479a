// Source: jenkinsci/jenkins core/src/main/java/jenkins/util/VirtualFile.java (jenkins-2.479.3)
// What ArtifactManager.root() needs, plus exists(), child(String) and open(), which the plugin uses to read
// an earlier build's archived provenance. All three are abstract in the real class (since 1.532), so they
// are abstract here too and have no body to throw from. The other abstract members (getName, toURI,
// getParent, isDirectory, isFile, list, length, lastModified, canRead) are left out: nothing needs them.
package jenkins.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {

    // Same signature as the real class's implicit constructor.
    public VirtualFile() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract boolean exists() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract InputStream open() throws IOException;

    @Override
    public final int compareTo(VirtualFile o) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
