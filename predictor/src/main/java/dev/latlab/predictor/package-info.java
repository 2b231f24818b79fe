/** Latency predictors, accuracy predictors and the hardware-aware search. */
package dev.latlab.predictor;
