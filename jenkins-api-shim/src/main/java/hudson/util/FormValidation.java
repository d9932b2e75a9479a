// Source: jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java (jenkins-2.479.3)
// The real class also implements org.kohsuke.stapler.HttpResponse and declares abstract renderHtml()
// (left out: no instance can be made from the shim anyway).
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation error(String format, Object... args) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
