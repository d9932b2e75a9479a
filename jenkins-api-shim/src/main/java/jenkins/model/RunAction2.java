// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/RunAction2.java (jenkins-2.479.3)
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
