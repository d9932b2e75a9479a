// Source: jenkinsci/jenkins core/src/main/java/hudson/util/RunList.java (jenkins-2.479.3)
// iterator/size/get are declared because AbstractList forces size/get and the real class overrides all three.
package hudson.util;

import hudson.model.Run;
import java.util.AbstractList;
import java.util.Iterator;

@SuppressWarnings("rawtypes") // the real type parameter bound is the raw Run
public class RunList<R extends Run> extends AbstractList<R> {

    public RunList() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public Iterator<R> iterator() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    @Deprecated
    public int size() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    @Deprecated
    public R get(int index) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
