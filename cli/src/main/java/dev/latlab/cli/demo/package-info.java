/** latlab demo: collector, agent, campaign and dataset on one machine. */
package dev.latlab.cli.demo;
