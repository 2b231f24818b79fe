package dev.latlab.cli.campaign;

import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How campaign statuses are shown: one line for people, a map for JSON. */
public final class CampaignViews {
  private CampaignViews() {}

  /**
   * Returns a status as a JSON-ready map.
   *
   * @param s the status
   * @return the map, with at least total, done and state
   */
  public static Map<String, Object> toMap(CampaignStatus s) {
    Campaign c = s.getCampaign();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.getId());
    m.put("target", c.getTarget());
    m.put("selection", c.getSelection());
    m.put("cells", c.getCells());
    m.put("repeats", c.getRepeats());
    m.put("label", c.getLabel());
    m.put("created_at", Instant.ofEpochMilli(c.getCreatedAtUnixMs()).toString());
    m.put("total", s.getTotal());
    m.put("done", s.getDone());
    m.put("leased", s.getLeased());
    m.put("failed", s.getFailed());
    m.put("state", s.getState());
    m.put("agents_connected", s.getAgentsConnected());
    return m;
  }

  /**
   * Returns a status as one line.
   *
   * @param s the status
   * @return e.g. {@code c1a2 target-x running 12/50 done, 1 leased, 0 failed, 1 agent(s)}
   */
  public static String line(CampaignStatus s) {
    Campaign c = s.getCampaign();
    return String.format(Locale.ROOT, "%s  %s  %s  %d/%d done, %d leased, %d failed, %d agent(s)",
        c.getId(), c.getTarget(), s.getState(), s.getDone(), s.getTotal(), s.getLeased(),
        s.getFailed(), s.getAgentsConnected());
  }
}
