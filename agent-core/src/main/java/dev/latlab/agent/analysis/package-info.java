/** Comparing result sets: rank correlations and relative differences. */
package dev.latlab.agent.analysis;
