package io.stepwise.server.operations;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.protocol.IntShape;
import io.stepwise.server.protocol.ListShape;
import io.stepwise.server.protocol.StringShape;

/** The constrained shapes of the API model that the operations here read, by the model's names. */
public final class Shapes {
  private Shapes() {}

  public static final StringShape NAME = StringShape.length(1, 80);
  public static final StringShape ARN = StringShape.length(1, 256);
  public static final StringShape LONG_ARN = StringShape.length(1, 2000);
  public static final StringShape DEFINITION = StringShape.length(1, 1_048_576).sensitiveValue();
  public static final StringShape VERSION_DESCRIPTION = StringShape.length(null, 256).sensitiveValue();
  public static final StringShape ALIAS_DESCRIPTION = StringShape.length(null, 256).sensitiveValue();
  /** CharacterRestrictedName: alias names. */
  public static final StringShape ALIAS_NAME = StringShape.length(1, 80).withPattern(Arns.ALIAS_PATTERN);
  public static final StringShape REVISION_ID = StringShape.length(null, null);
  public static final StringShape PAGE_TOKEN = StringShape.length(1, 1024);
  public static final IntShape PAGE_SIZE = IntShape.range(0, 1000);
  public static final StringShape TAG_KEY = StringShape.length(1, 128);
  public static final StringShape TAG_VALUE = StringShape.length(0, 256);
  public static final ListShape TAG_LIST = ListShape.of(null, null, "Tag");
  public static final ListShape TAG_KEY_LIST = ListShape.of(null, null, null);
  public static final StringShape KMS_KEY_ID = StringShape.length(1, 2048);
  public static final IntShape KMS_DATA_KEY_REUSE_PERIOD = IntShape.range(60, 900);
  public static final ListShape LOG_DESTINATIONS = ListShape.of(null, null, "LogDestination");
  public static final ListShape ROUTING_CONFIGURATION = ListShape.of(1, 2, "RoutingConfigurationListItem");
  public static final IntShape VERSION_WEIGHT = IntShape.range(0, 100);
  public static final IntShape VALIDATE_MAX_RESULTS = IntShape.range(0, 100);
}
