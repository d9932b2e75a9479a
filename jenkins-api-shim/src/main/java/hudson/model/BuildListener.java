// Source: jenkinsci/jenkins core/src/main/java/hudson/model/BuildListener.java (jenkins-2.479.3)
// Its default methods started(List<Cause>) and finished(Result) are left out.
package hudson.model;

public interface BuildListener extends TaskListener {
}
