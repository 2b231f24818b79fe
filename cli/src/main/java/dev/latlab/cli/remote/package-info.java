/** Reaching the collector from the command line: address, token file, TLS. */
package dev.latlab.cli.remote;
