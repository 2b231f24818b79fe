package dev.latlab.predictor.gcn;

/**
 * The figures of one finished epoch.
 *
 * @param epoch the epoch, 1-based
 * @param maxEpochs the epoch limit (training may stop earlier)
 * @param trainLoss mean loss of the epoch's optimiser steps (training mode)
 * @param validLoss the loss that selects the kept weights: validation loss in evaluation mode (the
 *     regressor; its mean training loss when there is no validation set), or the loss over all
 *     training pairs in evaluation mode (the binary relation predictor)
 * @param learningRate the learning rate the epoch used
 * @param improved whether {@code validLoss} is the lowest so far (these weights are kept)
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double validLoss,
    double learningRate, boolean improved) {}
