package dev.latlab.collector.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.latlab.collector.store.AgentRow;
import dev.latlab.collector.store.CampaignRow;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import dev.latlab.proto.v1.TargetDescription;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Conversions between store rows and wire messages. */
final class Rows {
  private static final Logger logger = Logger.getLogger(Rows.class.getName());

  private Rows() {}

  /** Returns the campaign as sent to clients. */
  static Campaign campaign(CampaignRow row) {
    return Campaign.newBuilder()
        .setId(row.id())
        .setTarget(row.target())
        .setSelection(row.selection())
        .setCells(row.cells())
        .setRepeats(row.repeats())
        .setProtocol(protocol(row))
        .setNetwork(network(row))
        .setCreatedAtUnixMs(row.createdAtMillis())
        .setLabel(row.label() == null ? "" : row.label())
        .build();
  }

  /** Returns what the campaign's jobs share. */
  static CampaignPlan plan(CampaignRow row) {
    return new CampaignPlan(row.target(), protocol(row), network(row));
  }

  /** Returns the campaign's protocol; the default instance (logged) if the stored bytes are bad. */
  static Protocol protocol(CampaignRow row) {
    try {
      return Protocol.parseFrom(row.protocol());
    } catch (InvalidProtocolBufferException e) {
      logger.log(Level.WARNING, "Campaign " + row.id() + " has an unreadable protocol", e);
      return Protocol.getDefaultInstance();
    }
  }

  /** Returns the campaign's network; the default instance (logged) if the stored bytes are bad. */
  static NetworkOptions network(CampaignRow row) {
    try {
      return NetworkOptions.parseFrom(row.network());
    } catch (InvalidProtocolBufferException e) {
      logger.log(Level.WARNING, "Campaign " + row.id() + " has an unreadable network", e);
      return NetworkOptions.getDefaultInstance();
    }
  }

  /** Returns the agent's description; the default instance (logged) if the stored bytes are bad. */
  static TargetDescription description(AgentRow row) {
    if (row.description() == null) {
      return TargetDescription.getDefaultInstance();
    }
    try {
      return TargetDescription.parseFrom(row.description());
    } catch (InvalidProtocolBufferException e) {
      logger.log(Level.WARNING, "Agent " + row.agentId() + " has an unreadable description", e);
      return TargetDescription.getDefaultInstance();
    }
  }
}
