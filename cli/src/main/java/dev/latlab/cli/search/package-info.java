/**
 * latlab search: hardware-aware search over NB201 with accuracy tables and a latency limit checked
 * on a device table, on live agents through a collector, or by a trained latency model.
 */
package dev.latlab.cli.search;
