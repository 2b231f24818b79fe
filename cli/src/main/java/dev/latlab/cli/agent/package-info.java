/** latlab agent: measure networks on this machine. */
package dev.latlab.cli.agent;
