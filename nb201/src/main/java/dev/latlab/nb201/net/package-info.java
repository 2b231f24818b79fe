/** Executable NB201 networks: the IR, its builder, ONNX and TFLite emitters and the reference evaluator. */
package dev.latlab.nb201.net;
