package dev.latlab.cli.agent;

import dev.latlab.agent.InferenceBackend;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Default target names: the device and the backend configuration, readable and stable. */
final class TargetNames {
  private TargetNames() {}

  /**
   * Returns e.g. {@code f1445849-onnxruntime-t1-3fa2c1}: the first 8 digits of the device
   * fingerprint, the backend, its threads, and 6 digits of a hash of the whole backend identity
   * (runtime version and every setting), so that two configurations never share a target.
   */
  static String defaultFor(InferenceBackend backend, String deviceFingerprint) {
    String device = deviceFingerprint.length() > 8 ? deviceFingerprint.substring(0, 8)
        : deviceFingerprint;
    return device + "-" + backend.name() + "-t" + backend.config().threads() + "-"
        + sha256Hex(backend.identity()).substring(0, 6);
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
