// Source: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java
// Its default method getChannelForSerDes() (returns hudson.remoting.Channel) is left out.
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
