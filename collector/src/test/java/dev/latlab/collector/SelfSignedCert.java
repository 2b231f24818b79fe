package dev.latlab.collector;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate for localhost made with the JDK's keytool and written as PEM files.
 *
 * @param chain the certificate, PEM
 * @param key the private key, PEM (PKCS#8)
 */
record SelfSignedCert(Path chain, Path key) {
  private static final char[] PASSWORD = "changeit".toCharArray();

  static SelfSignedCert create(Path dir) throws Exception {
    Path store = dir.resolve("tls.p12");
    keytool(store);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    Certificate cert = keys.getCertificate("collector");
    Path chain = write(dir.resolve("cert.pem"), "CERTIFICATE", cert.getEncoded());
    Path key = write(dir.resolve("key.pem"), "PRIVATE KEY",
        keys.getKey("collector", PASSWORD).getEncoded());
    return new SelfSignedCert(chain, key);
  }

  /** Returns client credentials trusting this certificate. */
  ChannelCredentials clientCredentials() throws IOException {
    return TlsChannelCredentials.newBuilder().trustManager(chain.toFile()).build();
  }

  private static void keytool(Path store) throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Path keytool = java.resolveSibling("keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
        "-alias", "collector", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  private static Path write(Path path, String type, byte[] der) throws IOException {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    Files.writeString(path, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type
        + "-----\n");
    return path;
  }
}
