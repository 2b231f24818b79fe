/**
 * The numerical core of the predictors: a blocked single-precision matrix multiply ({@link
 * dev.latlab.predictor.numeric.Sgemm}) and a small worker pool ({@link
 * dev.latlab.predictor.numeric.WorkerPool}).
 *
 * <p>Results never depend on the number of threads: work is cut into pieces whose boundaries do not
 * depend on it, and every output element is computed by one piece in a fixed order.
 */
package dev.latlab.predictor.numeric;
