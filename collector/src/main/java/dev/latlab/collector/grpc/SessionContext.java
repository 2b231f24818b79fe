package dev.latlab.collector.grpc;

import dev.latlab.collector.Ticker;
import dev.latlab.collector.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * What every agent session shares.
 *
 * @param store the storage
 * @param scheduler the job queues and leases
 * @param registry the open sessions
 * @param results the result intake
 * @param clock wall time, for last-seen times
 * @param ticker monotonic time, for silence
 * @param heartbeatInterval how often agents should send a heartbeat while measuring
 * @param leaseTimeout silence after which a session ends and its leases expire
 */
record SessionContext(Store store, Scheduler scheduler, SessionRegistry registry,
    ResultIntake results, Clock clock, Ticker ticker, Duration heartbeatInterval,
    Duration leaseTimeout) {}
