// Source: jenkinsci/jenkins core/src/main/java/hudson/FilePath.java (jenkins-2.479.3)
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    public FilePath(VirtualChannel channel, String remote) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public FilePath(File localPath) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public FilePath(FilePath base, String rel) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public FilePath getParent() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void copyTo(OutputStream os) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
