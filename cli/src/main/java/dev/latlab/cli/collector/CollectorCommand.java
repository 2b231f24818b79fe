package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import dev.latlab.cli.remote.TokenFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab collector}: run the collector until stopped. */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the collector: agents dial in over gRPC, campaigns are cut into jobs leased to the "
          + "agents of their target, and every result is stored exactly once in a SQLite file "
          + "before it is acknowledged. Stop with Ctrl-C or SIGTERM; a killed collector resumes "
          + "from its database.",
      ""
    },
    subcommands = {CollectorBenchCommand.class})
public final class CollectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "FILE",
      description = "The SQLite database. Default: ${DEFAULT-VALUE}.")
  Path db = Path.of("latlab.db");

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port = 50051;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (all interfaces).")
  String bind = "0.0.0.0";

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the bearer token agents and clients must present.")
  Path tokenFile;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "TLS certificate chain (PEM).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "TLS private key (PEM).")
  Path tlsKey;

  // For 'collector bench --idle-agents', which forks a collector to read the heap of it alone.
  @Option(names = "--report-heap", hidden = true,
      description = "Answer each line on stdin with the heap used after a GC; stop at its end.")
  boolean reportHeap;

  @Override
  public Integer call() throws InterruptedException, IOException {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UserException("--tls-cert and --tls-key go together");
    }
    String token = TokenFile.read(tokenFile);
    LocalCollector collector = LocalCollector.start(db, b -> {
      b.port(port).bindAddress(bind).token(token);
      if (tlsCert != null) {
        b.tls(tlsCert, tlsKey);
      }
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      collector.close();
      stopped.countDown();
    }, "latlab-collector-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("collector listening on %s:%d (database %s%s%s)%n", bind, collector.port(), db,
        token == null ? ", no token" : ", token required", tlsCert == null ? "" : ", TLS");
    out.flush();
    if (reportHeap) {
      reportHeapUntilEndOfInput(collector, out);
    } else {
      stopped.await();
    }
    return 0;
  }

  private static void reportHeapUntilEndOfInput(LocalCollector collector, PrintWriter out)
      throws IOException {
    HeapProbe.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        out);
    collector.close();
  }
}
