/** Graph encodings of a cell for learned predictors (BRP-NAS's GCN input). */
package dev.latlab.nb201.graph;
