/**
 * Optimisation pieces shared by the trained predictors, each with PyTorch's semantics so that
 * hyper-parameters from the BRP-NAS configurations mean the same here: {@link
 * dev.latlab.predictor.optim.AdamW}, {@link dev.latlab.predictor.optim.ReduceLrOnPlateau}, {@link
 * dev.latlab.predictor.optim.CosineAnnealing} and {@link dev.latlab.predictor.optim.EarlyStopping}.
 */
package dev.latlab.predictor.optim;
