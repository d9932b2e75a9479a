// Source: jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java
// Only the type: its members (call, callAsync, close, join, export, syncLocalIO) are not used.
package hudson.remoting;

public interface VirtualChannel {
}
