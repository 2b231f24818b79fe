package dev.latlab.predictor.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without {@code jdk.incubator.vector} in the boot layer the plain kernel runs, alone. */
class SgemmFallbackTest {
  @Test
  void create_withoutVectorModule_usesPlainKernelAndNeverLoadsSimdClass() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // -Xlog:class+load lists every class the JVM loads.
    Process p = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), FallbackProbe.class.getName())
        .redirectErrorStream(true).start();
    String out = read(p);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // [[1,2],[3,4]]^2 = [[7,10],[15,22]]
    assertThat(out).contains("probe: scalar 7.0 22.0");
    assertThat(out).contains("dev.latlab.predictor.numeric.ScalarGemmKernel")
        .doesNotContain("VectorGemmKernel").doesNotContain("jdk.incubator.vector");
  }

  private static String read(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
