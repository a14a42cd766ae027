package org.stdsearch.opensearch.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * The main class of the child JVM that {@link OpenSearchNode} starts: one OpenSearch node with the
 * netty4 transport and the common analysis module (cjk_bigram, shingle, edge_ngram, ...) loaded
 * from the classpath, HTTP and transport bound to 127.0.0.1. Prints {@code READY} once it answers
 * HTTP, then runs until it is killed.
 *
 * <pre>java -cp CLASSPATH NodeMain HOME CLUSTER NODE HTTP_PORT TRANSPORT_PORT ROLES DISCOVERY</pre>
 *
 * ROLES is {@code cluster_manager,data} or {@code data}. DISCOVERY is {@code single} (a cluster of
 * one), {@code bootstrap} (the first node of a cluster others join) or {@code join:PORT} (join the
 * node whose transport listens on PORT).
 */
public final class NodeMain {
  private NodeMain() {}

  /** A node from classpath plugins (the distribution's modules/ folder is not there). */
  static final class ClasspathNode extends Node {
    ClasspathNode(Environment environment, List<PluginInfo> plugins) {
      super(environment, plugins, true);
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    String cluster = args[1];
    String name = args[2];
    String httpPort = args[3];
    String transportPort = args[4];
    List<String> roles = List.of(args[5].split(","));
    String discovery = args[6];
    for (String d : List.of("config", "data", "logs", "plugins", "modules")) {
      Files.createDirectories(home.resolve(d));
    }
    Settings.Builder settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("cluster.name", cluster)
        .put("node.name", name)
        .putList("node.roles", roles)
        .put("network.host", "127.0.0.1")
        .put("http.port", httpPort)
        .put("transport.port", transportPort)
        // Tests fill small disks and share a busy machine: no watermarks, no memory-based 429s.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("indices.breaker.total.use_real_memory", false)
        .put("logger.level", "WARN");
    if (discovery.equals("single")) {
      settings.put("discovery.type", "single-node");
    } else if (discovery.equals("bootstrap")) {
      settings.putList("discovery.seed_hosts", "127.0.0.1:" + transportPort);
      settings.putList("cluster.initial_cluster_manager_nodes", name);
    } else if (discovery.startsWith("join:")) {
      settings.putList("discovery.seed_hosts", "127.0.0.1:" + discovery.substring("join:".length()));
    } else {
      throw new IllegalArgumentException("discovery must be single, bootstrap or join:PORT, was " + discovery);
    }
    LogConfigurator.configureWithoutConfig(settings.build());
    Environment environment = InternalSettingsPreparer.prepareEnvironment(settings.build(), Map.of(),
        home.resolve("config"), () -> name);
    List<PluginInfo> plugins = new ArrayList<>();
    for (Class<?> plugin : List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class)) {
      plugins.add(new PluginInfo(plugin.getName(), "classpath plugin", "NA", Version.CURRENT,
          Integer.toString(Runtime.version().feature()), plugin.getName(), List.of(), false));
    }
    Node node = new ClasspathNode(environment, plugins).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    System.out.println("READY " + name);
    System.out.flush();
    Thread.currentThread().join();
  }
}
