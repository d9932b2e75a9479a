// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Result.java (jenkins-2.479.3)
// The real class also implements CustomExportedBean and has public fields color/completeBuild (left out).
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {

    // The constants must be initialised. Least behaviour that keeps them honest: five distinct
    // instances (so == and equals tell them apart as in Jenkins) carrying only their real ordinal
    // (0..4, copied from the real source). Every method still throws.
    public static final Result SUCCESS = new Result(0);
    public static final Result UNSTABLE = new Result(1);
    public static final Result FAILURE = new Result(2);
    public static final Result NOT_BUILT = new Result(3);
    public static final Result ABORTED = new Result(4);

    public final int ordinal;

    // Shim-only: the real private constructor is Result(String, BallColor, int, boolean).
    private Result(int ordinal) {
        this.ordinal = ordinal;
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Result fromString(String s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
