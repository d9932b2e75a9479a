// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/Loadable.java (@since 2.428)
package jenkins.model;

import java.io.IOException;

public interface Loadable {
    void load() throws IOException;
}
