/**
 * The LatLab collector: {@link dev.latlab.collector.CollectorServer} accepts agent sessions and
 * campaign calls over gRPC, leases jobs to agents and stores their results through a {@link
 * dev.latlab.collector.store.Store}. The gRPC services and the scheduler live, package-private, in
 * {@code dev.latlab.collector.grpc}.
 */
package dev.latlab.collector;
