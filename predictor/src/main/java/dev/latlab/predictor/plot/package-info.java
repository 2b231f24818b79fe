/** PNG plots (XChart): predicted-vs-measured scatters and search curves. */
package dev.latlab.predictor.plot;
