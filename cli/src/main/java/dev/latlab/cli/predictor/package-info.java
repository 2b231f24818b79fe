/** {@code latlab predictor}: train, evaluate, save and use per-target latency predictors. */
package dev.latlab.cli.predictor;
