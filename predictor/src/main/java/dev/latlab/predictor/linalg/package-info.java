/** Small dense linear algebra for the predictor's few-parameter models (ridge, inverses). */
package dev.latlab.predictor.linalg;
