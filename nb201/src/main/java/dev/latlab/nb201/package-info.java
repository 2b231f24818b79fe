/** The NAS-Bench-201 search space: cells and their names, equivalence classes, the cost model. */
package dev.latlab.nb201;
