// Asks a running Kafka broker JVM for the version it reports about itself, from its own
// app-info MBean (kafka.server:type=app-info, attribute "version"), the same value the broker
// logs as "Kafka version: ..." at start. The Kafka protocol does not carry the broker's
// software version, so `scripts/infra status` asks the JVM through the JDK's Attach API
// (local, same OS user, no JMX port to open). Prints e.g. "4.1.1 commit=... start=...".
//
// Usage: java -cp <dir> KafkaAppInfo <pid>   (compiled once by scripts/infra into .infra/cache)
import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public final class KafkaAppInfo {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KafkaAppInfo <pid>");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      // Starts (or reuses) the JVM's local-only management agent and returns its address.
      String address = vm.startLocalManagementAgent();
      try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
        MBeanServerConnection mbs = c.getMBeanServerConnection();
        Set<ObjectName> names = mbs.queryNames(new ObjectName("kafka.server:type=app-info,*"), null);
        if (names.isEmpty()) {
          System.err.println("KafkaAppInfo: no kafka.server:type=app-info MBean (broker still starting?)");
          System.exit(1);
        }
        ObjectName n = names.iterator().next();
        Object version = mbs.getAttribute(n, "version");
        Object commit = mbs.getAttribute(n, "commit-id");
        Object start = mbs.getAttribute(n, "start-time-ms");
        System.out.println(version + " commit=" + commit + " start-time-ms=" + start);
      }
    } finally {
      vm.detach();
    }
  }
}
