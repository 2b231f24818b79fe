/**
 * The ONNX Runtime backend: runs networks emitted by {@link dev.latlab.nb201.net.OnnxEmitter} on
 * ONNX Runtime's CPU execution provider. Registered as {@code onnxruntime} through {@link
 * dev.latlab.agent.onnx.OnnxRuntimeBackendProvider}; everything else is package-private.
 */
package dev.latlab.agent.onnx;
