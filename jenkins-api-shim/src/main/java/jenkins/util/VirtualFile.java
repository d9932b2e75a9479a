// Source: jenkinsci/jenkins core/src/main/java/jenkins/util/VirtualFile.java (jenkins-2.479.3)
// Only what ArtifactManager.root() needs: the type, its supertypes and the member they force.
package jenkins.util;

import java.io.Serializable;

public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {

    // Same signature as the real class's implicit constructor.
    public VirtualFile() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public final int compareTo(VirtualFile o) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
