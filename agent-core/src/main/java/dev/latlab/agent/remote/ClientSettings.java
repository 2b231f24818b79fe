package dev.latlab.agent.remote;

import dev.latlab.agent.Sleeper;
import dev.latlab.proto.v1.TargetDescription;
import io.grpc.Channel;
import java.time.Duration;

/** A {@link CollectorClient}'s configuration, validated by {@link CollectorClientBuilder}. */
record ClientSettings(
    Channel channel,
    ResultSpool spool,
    String agentId,
    String target,
    TargetDescription description,
    String agentVersion,
    String bearerToken,
    JobExecutor executor,
    int maxJobsInFlight,
    CollectorClient.Listener listener,
    Backoff backoff,
    Duration welcomeTimeout,
    Sleeper sleeper) {}
