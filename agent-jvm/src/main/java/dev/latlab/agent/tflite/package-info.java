/**
 * The TFLite backend on the desktop JVM: runs networks emitted by {@link
 * dev.latlab.nb201.net.TfliteEmitter} in the real TFLite interpreter through JavaCPP ({@code
 * org.bytedeco.tensorflowlite}), with or without the XNNPACK delegate. Registered as {@code tflite}
 * through {@link dev.latlab.agent.tflite.TfliteBackendProvider}; everything else is
 * package-private.
 */
package dev.latlab.agent.tflite;
