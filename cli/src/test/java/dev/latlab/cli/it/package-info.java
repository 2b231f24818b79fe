/**
 * Integration tests run by failsafe ({@code *IT}): the collector and agents as separate JVMs
 * ({@link dev.latlab.cli.it.LatLabProcess}) or in this one, over real loopback ports, with SQLite
 * files in a temporary directory. Processes are crashed with SIGKILL and frozen with SIGSTOP, so
 * these tests need Linux (or another POSIX system with {@code kill}).
 */
package dev.latlab.cli.it;
