/** latlab space: look up cells, list the space, export and benchmark networks. */
package dev.latlab.cli.space;
