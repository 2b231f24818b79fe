package dev.latlab.agent.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The APK the package phase built (target/apk/latlab-agent.apk), checked with the tools a person
 * would use: {@code apksigner verify}, {@code aapt dump badging} and {@code aapt dump xmltree}, and
 * its contents. Skipped only when the build skipped the APK ({@code -Dapk.skip=true}).
 */
class ApkIT {
  private static Path apk;

  @BeforeAll
  static void findApk() {
    assumeFalse(Boolean.getBoolean("latlab.apk.skip"), "APK build skipped (-Dapk.skip=true)");
    apk = Paths.get(System.getProperty("latlab.apk", "target/apk/latlab-agent.apk"));
    assertThat(apk).as("the APK the package phase builds").isRegularFile();
  }

  @Test
  void apksigner_verify_passesWithV2Signature() throws Exception {
    String out = run("apksigner", "verify", "--verbose", apk.toString());

    assertThat(out).contains("Verifies")
        .contains("Verified using v2 scheme (APK Signature Scheme v2): true");
  }

  @Test
  void badging_showsPackageSdkLevelsPermissionsAndLaunchableActivity() throws Exception {
    String out = run("aapt", "dump", "badging", apk.toString());

    assertThat(out)
        .contains("package: name='dev.latlab.agent.android' versionCode='1' versionName='0.1.0'")
        .contains("sdkVersion:'26'")
        .contains("targetSdkVersion:'33'")
        .contains("launchable-activity: name='dev.latlab.agent.android.StatusActivity'")
        .contains("uses-permission: name='android.permission.INTERNET'")
        .contains("uses-permission: name='android.permission.WAKE_LOCK'")
        .contains("uses-permission: name='android.permission.FOREGROUND_SERVICE'")
        .contains("application-label:'LatLab agent'");
  }

  @Test
  void manifest_declaresTheServiceAndTheApplicationClass() throws Exception {
    String out = run("aapt", "dump", "xmltree", apk.toString(), "AndroidManifest.xml");

    assertThat(out).contains("E: service")
        .contains("\".MeasurementService\"")
        .contains("\".LatLabApp\"");
  }

  @Test
  void contents_dexNativeLibrariesAndResources() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(apk.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        names.add(e.getName());
      }
    }

    assertThat(names).contains("classes.dex", "AndroidManifest.xml", "resources.arsc",
        "res/drawable/ic_launcher.xml", "dev/latlab/nb201/nb201-index.bin");
    for (String abi : List.of("arm64-v8a", "armeabi-v7a", "x86_64")) {
      assertThat(names).contains("lib/" + abi + "/libtensorflowlite_jni.so",
          "lib/" + abi + "/libtensorflowlite_gpu_jni.so");
    }
    assertThat(names).noneMatch(n -> n.startsWith("lib/x86/"))
        .noneMatch(n -> n.endsWith(".class"));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s exit status; output:%n%s", command[0], text).isZero();
    return text;
  }
}
