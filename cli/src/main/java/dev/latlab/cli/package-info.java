/** The latlab command line: entry point, shared options, converters and error reporting. */
package dev.latlab.cli;
