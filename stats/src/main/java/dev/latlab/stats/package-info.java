/** Small statistics shared by the agent's analyses and the predictor: rank correlations. */
package dev.latlab.stats;
