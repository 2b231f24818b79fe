/** latlab campaign: create campaigns on a collector and follow them. */
package dev.latlab.cli.campaign;
