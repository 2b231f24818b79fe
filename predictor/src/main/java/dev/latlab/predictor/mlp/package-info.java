/** A multi-layer perceptron regressor: the MLP baseline of the latency predictors. */
package dev.latlab.predictor.mlp;
