package dev.latlab.collector.grpc;

import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;

/**
 * What every job of a campaign shares, parsed once: where it runs and how it is measured.
 *
 * @param target the campaign's target
 * @param protocol how each network is timed
 * @param network the network skeleton
 */
record CampaignPlan(String target, Protocol protocol, NetworkOptions network) {}
