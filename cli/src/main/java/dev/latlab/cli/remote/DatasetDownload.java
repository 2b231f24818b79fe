package dev.latlab.cli.remote;

import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.DatasetChunk;
import dev.latlab.proto.v1.ExportDatasetRequest;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/** Streams a target's dataset out of the collector (the ExportDataset call). */
public final class DatasetDownload {
  /** A dataset streams in many chunks; its deadline is this many times the per-call one. */
  private static final int DEADLINE_FACTOR = 10;

  private DatasetDownload() {}

  /**
   * Copies the dataset's bytes to a stream.
   *
   * @param channel a channel to the collector
   * @param request what to export
   * @param timeoutSeconds the per-call deadline
   * @param out where the bytes go
   * @return bytes copied
   * @throws IOException if writing fails
   */
  static long copy(Channel channel, ExportDatasetRequest request, long timeoutSeconds,
      OutputStream out) throws IOException {
    Iterator<DatasetChunk> chunks = CampaignServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeoutSeconds * DEADLINE_FACTOR, TimeUnit.SECONDS)
        .exportDataset(request);
    long n = 0;
    while (chunks.hasNext()) {
      DatasetChunk chunk = chunks.next();
      chunk.getData().writeTo(out);
      n += chunk.getData().size();
    }
    return n;
  }

  /**
   * Fetches a target's dataset as CSV text (the collector's csv format).
   *
   * @param client how to reach the collector
   * @param target the target
   * @return the CSV
   * @throws dev.latlab.cli.UserException if the call fails (unknown target, no results...)
   */
  public static String csv(ClientOptions client, String target) {
    ManagedChannel channel = client.open();
    try {
      return csv(channel, client.address(), target, client.timeoutSeconds());
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Fetches a target's dataset as CSV text over an open channel.
   *
   * @param channel a channel to the collector (with the bearer token); the caller closes it
   * @param address the collector's address, for messages
   * @param target the target
   * @param timeoutSeconds the per-call deadline
   * @return the CSV
   * @throws dev.latlab.cli.UserException if the call fails
   */
  public static String csv(Channel channel, String address, String target, long timeoutSeconds) {
    ExportDatasetRequest request = ExportDatasetRequest.newBuilder().setTarget(target)
        .setFormat("csv").build();
    return Rpc.call(address, () -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        copy(channel, request, timeoutSeconds, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    });
  }
}
