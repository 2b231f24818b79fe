/**
 * The BRP-NAS graph-convolutional network (SamsungLabs/eagle {@code GCN}) in plain Java with
 * hand-derived gradients: a latency regressor ({@link dev.latlab.predictor.gcn.GcnRegressor}) and
 * the binary-relation accuracy predictor of the search ({@link
 * dev.latlab.predictor.gcn.BinaryRelationPredictor}).
 *
 * <p>Layer {@code l}: {@code H' = dropout(relu(LayerNorm(A (H W_l) + b_l)))} over the 9-node cell
 * graph of {@link dev.latlab.nb201.graph.GcnEncoding}; the embedding of a cell is the global node's
 * row of the last layer. Because the global node's adjacency row is all ones, the last layer is
 * computed for that row only, as {@code (sum of the rows of H) W}: exact, and 9 times cheaper.
 *
 * <p>Training is reproducible: the same data, options and seed give bit-identical weights and
 * predictions for any number of threads.
 */
package dev.latlab.predictor.gcn;
