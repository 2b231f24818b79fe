/** latlab collector: run a collector on a SQLite file. */
package dev.latlab.cli.collector;
