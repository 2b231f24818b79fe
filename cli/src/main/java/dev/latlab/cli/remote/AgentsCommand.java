package dev.latlab.cli.remote;

import dev.latlab.cli.Json;
import dev.latlab.proto.v1.AgentInfo;
import dev.latlab.proto.v1.ListAgentsRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab agents}: the agents a collector knows. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = {"List the agents that have connected to the collector: target, device, "
        + "whether connected, jobs in flight and results stored.", ""})
public final class AgentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClientOptions client;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    List<AgentInfo> agents = client.campaigns(
        stub -> stub.listAgents(ListAgentsRequest.getDefaultInstance())).getAgentsList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(agents.stream().map(AgentsCommand::toMap).toList()));
    } else if (agents.isEmpty()) {
      out.println("no agents");
    } else {
      agents.forEach(a -> out.printf(Locale.ROOT, "%s  %s  %s  %d in flight, %d stored  %s%n",
          a.getAgentId(), a.getTarget(), state(a),
          a.getJobsInFlight(), a.getResultsStored(), a.getDescription().getBackendIdentity()));
    }
    out.flush();
    return 0;
  }

  private static String state(AgentInfo a) {
    if (!a.getConnected()) {
      return "offline";
    }
    return a.getPausedReason().isEmpty() ? "connected" : "paused (" + a.getPausedReason() + ")";
  }

  private static Map<String, Object> toMap(AgentInfo a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agent_id", a.getAgentId());
    m.put("target", a.getTarget());
    m.put("connected", a.getConnected());
    m.put("paused_reason", a.getPausedReason());
    m.put("last_seen", Instant.ofEpochMilli(a.getLastSeenUnixMs()).toString());
    m.put("jobs_in_flight", a.getJobsInFlight());
    m.put("results_stored", a.getResultsStored());
    m.put("device_fingerprint", a.getDescription().getDeviceFingerprint());
    m.put("cpu_model", a.getDescription().getCpuModel());
    m.put("backend", a.getDescription().getBackendIdentity());
    return m;
  }
}
