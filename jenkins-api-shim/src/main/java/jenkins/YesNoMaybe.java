// Source: jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java (jenkins-2.479.3)
// Only the constants: the static toBoolean/toBool helpers are not used by the plugin.
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
