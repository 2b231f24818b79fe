package dev.latlab.nb201;

/** The three image datasets of NB201, which fix the input resolution and the number of classes. */
public enum ImageDataset {
  /** CIFAR-10: 32x32x3, 10 classes. */
  CIFAR10("cifar10", 32, 10),
  /** CIFAR-100: 32x32x3, 100 classes. */
  CIFAR100("cifar100", 32, 100),
  /** ImageNet16-120: 16x16x3, 120 classes. */
  IMAGENET16_120("imagenet16-120", 16, 120);

  private final String cliName;
  private final int resolution;
  private final int classes;

  ImageDataset(String cliName, int resolution, int classes) {
    this.cliName = cliName;
    this.resolution = resolution;
    this.classes = classes;
  }

  /**
   * Returns the name used on the command line and in reports, e.g. {@code imagenet16-120}.
   *
   * @return the name
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Returns the input height and width in pixels.
   *
   * @return 32 or 16
   */
  public int resolution() {
    return resolution;
  }

  /**
   * Returns the number of classes of the classifier.
   *
   * @return 10, 100 or 120
   */
  public int classes() {
    return classes;
  }

  /**
   * Returns the dataset with the given command-line name.
   *
   * @param name e.g. {@code cifar10}
   * @return the dataset
   * @throws IllegalArgumentException naming the valid names if there is no such dataset
   */
  public static ImageDataset fromCliName(String name) {
    for (ImageDataset d : values()) {
      if (d.cliName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset '" + name + "': expected cifar10, cifar100 or imagenet16-120");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
