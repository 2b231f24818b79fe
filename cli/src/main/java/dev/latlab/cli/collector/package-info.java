/** latlab collector: run a collector on a SQLite file, and benchmark one (collector bench). */
package dev.latlab.cli.collector;
