package dev.latlab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (done/total, rate, ETA) for long work, or nothing when stderr is not a
 * terminal, so that logs and CI output stay clean. Thread-safe.
 */
public interface Progress extends AutoCloseable {
  /** A progress that shows nothing. */
  Progress NONE = new Progress() {
    @Override
    public void step() {}

    @Override
    public void close() {}
  };

  /** Records one finished unit of work. */
  void step();

  @Override
  void close();

  /**
   * Starts a bar, or returns {@link #NONE} when there is no console.
   *
   * @param task what is being done, shown left of the bar
   * @param total units of work
   * @return the progress
   */
  static Progress start(String task, long total) {
    if (System.console() == null) {
      return NONE;
    }
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
    return new Progress() {
      @Override
      public void step() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
