package dev.latlab.predictor.optim;

/**
 * The learning rate of {@code torch.optim.lr_scheduler.CosineAnnealingLR(T_max=epochs,
 * eta_min=0)}, stepped once per epoch, in closed form.
 */
public final class CosineAnnealing {
  private CosineAnnealing() {}

  /**
   * Returns the learning rate of an epoch.
   *
   * @param baseLr the rate of epoch 0
   * @param epoch the epoch, 0-based
   * @param epochs the period {@code T_max}, > 0
   * @return {@code baseLr * (1 + cos(pi * epoch / epochs)) / 2}
   */
  public static double lr(double baseLr, int epoch, int epochs) {
    return baseLr * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
  }
}
