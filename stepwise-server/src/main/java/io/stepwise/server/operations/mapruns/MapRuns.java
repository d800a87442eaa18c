package io.stepwise.server.operations.mapruns;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.ParsedArn;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.protocol.ApiException;

/** What the Map Run operations share: reading a Map Run's ARN, and the run that is not there. */
final class MapRuns {
  private MapRuns() {}

  /**
   * A Map Run ARN, {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}; else InvalidArn
   * (inferred: AWS's words for an ARN of another type, and the shape of the ARNs it hands out).
   */
  static ParsedArn parse(String arn) {
    ParsedArn p = Arns.parseStates(arn, "mapRun");
    String[] pieces = p.resource().split(":", -1);
    int slash = pieces[0].indexOf('/');
    if (pieces.length != 2 || slash <= 0 || slash == pieces[0].length() - 1 || pieces[1].isEmpty()) {
      throw Arns.invalid(arn);
    }
    return p;
  }

  /** No run of this ARN is stored (inferred wording: AWS's ResourceNotFound, naming the resource). */
  static ApiException notFound(String arn) {
    return Errors.resourceNotFound(arn);
  }
}
