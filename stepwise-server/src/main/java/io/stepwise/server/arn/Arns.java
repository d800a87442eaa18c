package io.stepwise.server.arn;

import io.stepwise.server.protocol.ApiException;
import java.util.regex.Pattern;

/**
 * The ARNs of Step Functions resources, made and read as AWS makes them:
 * {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME}, {@code ...:stateMachine:NAME:VERSION},
 * {@code ...:stateMachine:NAME:ALIAS} and {@code ...:activity:NAME}. Reading one that is not
 * well formed, or not of the type the operation takes, is AWS's InvalidArn.
 */
public final class Arns {
  /** Alias names as the model constrains them: letters, digits, _ - . and not digits alone. */
  public static final String ALIAS_PATTERN = "^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$";
  private static final Pattern ALIAS = Pattern.compile(ALIAS_PATTERN);
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");

  private final String partition;
  private final String region;
  private final String account;

  public Arns(String region, String account) {
    this.partition = partitionOf(region);
    this.region = region;
    this.account = account;
  }

  /** AWS's partition for a region: aws-cn for China, aws-us-gov for GovCloud, else aws. */
  public static String partitionOf(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  public String stateMachine(String name) {
    return prefix() + "stateMachine:" + name;
  }

  public String activity(String name) {
    return prefix() + "activity:" + name;
  }

  public static String version(String stateMachineArn, int number) {
    return stateMachineArn + ":" + number;
  }

  public static String alias(String stateMachineArn, String aliasName) {
    return stateMachineArn + ":" + aliasName;
  }

  private String prefix() {
    return "arn:" + partition + ":states:" + region + ":" + account + ":";
  }

  /** Splits an ARN; InvalidArn when it has not the seven parts every ARN has. */
  public static ParsedArn parse(String arn) {
    if (!arn.startsWith("arn:")) {
      throw invalid("Invalid ARN prefix: " + arn);
    }
    String[] parts = arn.split(":", 7);
    if (parts.length < 7 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty() || parts[6].isEmpty()) {
      throw invalid(arn);
    }
    return new ParsedArn(arn, parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
  }

  /** A Step Functions ARN of one of {@code types}: else InvalidArn naming the type found. */
  public static ParsedArn parseStates(String arn, String... types) {
    ParsedArn p = parse(arn);
    if (!p.service().equals("states") || p.region().isEmpty() || p.account().isEmpty()) {
      throw invalid(arn);
    }
    for (String t : types) {
      if (t.equals(p.resourceType())) {
        return p;
      }
    }
    throw invalid("Resource type not valid in this context: " + p.resourceType());
  }

  /** A state machine ARN, qualified or not. */
  public static StateMachineRef parseStateMachine(String arn) {
    ParsedArn p = parseStates(arn, "stateMachine");
    String[] pieces = p.resource().split(":", -1);
    if (pieces.length > 2 || pieces[0].isEmpty()) {
      throw invalid(arn);
    }
    String name = pieces[0];
    String label = null;
    int slash = name.indexOf('/');
    if (slash >= 0) {
      label = name.substring(slash + 1);
      name = name.substring(0, slash);
      if (name.isEmpty() || label.isEmpty() || label.indexOf('/') >= 0 || pieces.length > 1) {
        throw invalid(arn);
      }
    }
    String base = "arn:" + p.partition() + ":states:" + p.region() + ":" + p.account() + ":stateMachine:" + name;
    if (pieces.length == 1) {
      return new StateMachineRef(arn, base, name, null, null, label);
    }
    String qualifier = pieces[1];
    if (VERSION.matcher(qualifier).matches()) {
      long n = Long.parseLong(qualifier);
      if (n > Integer.MAX_VALUE) {
        throw invalid(arn);
      }
      return new StateMachineRef(arn, base, name, (int) n, null, null);
    }
    if (ALIAS.matcher(qualifier).matches() && qualifier.length() <= 80) {
      return new StateMachineRef(arn, base, name, null, qualifier, null);
    }
    throw invalid(arn);
  }

  /** An activity ARN: {@code ...:activity:NAME}, nothing after the name. */
  public static ParsedArn parseActivity(String arn) {
    ParsedArn p = parseStates(arn, "activity");
    if (p.resource().indexOf(':') >= 0) {
      throw invalid(arn);
    }
    return p;
  }

  public static ApiException invalid(String detail) {
    return ApiException.client("InvalidArn", "Invalid Arn: '" + detail + "'");
  }
}
