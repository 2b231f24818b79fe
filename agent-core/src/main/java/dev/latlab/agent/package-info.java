/** The platform-neutral measurement engine: backend SPI, protocol, statistics, environment, drift guard, sweeps. */
package dev.latlab.agent;
