package dev.latlab.collector.grpc;

import com.google.protobuf.ByteString;
import dev.latlab.proto.v1.DatasetChunk;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * Streams a file in chunks as fast as the client reads it: a chunk goes out only while the
 * transport is ready, and the on-ready handler resumes. gRPC runs the handler serialised with the
 * call's other callbacks, so no lock is needed.
 */
final class ChunkStreamer {
  /** Bytes per chunk: 1 MiB. */
  static final int CHUNK_SIZE = 1 << 20;

  private final ServerCallStreamObserver<DatasetChunk> call;
  private final byte[] data;
  private int offset;
  private boolean finished;

  private ChunkStreamer(ServerCallStreamObserver<DatasetChunk> call, byte[] data) {
    this.call = call;
    this.data = data;
  }

  /** Starts streaming; must run inside the service method, where the handler can still be set. */
  static void start(ServerCallStreamObserver<DatasetChunk> call, byte[] data) {
    ChunkStreamer streamer = new ChunkStreamer(call, data);
    call.setOnReadyHandler(streamer::drain);
    call.setOnCancelHandler(() -> streamer.finished = true);
    streamer.drain();
  }

  private void drain() {
    while (!finished && offset < data.length && call.isReady()) {
      int length = Math.min(CHUNK_SIZE, data.length - offset);
      call.onNext(DatasetChunk.newBuilder()
          .setData(ByteString.copyFrom(data, offset, length))
          .build());
      offset += length;
    }
    if (!finished && offset == data.length) {
      finished = true;
      call.onCompleted();
    }
  }
}
