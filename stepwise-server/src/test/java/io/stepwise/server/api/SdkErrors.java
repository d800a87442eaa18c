package io.stepwise.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** What a call answered, as the SDK reports it: the exception class, the code, the message. */
final class SdkErrors {
  private SdkErrors() {}

  /** The exception the call throws, of the SDK's class for the code, with the status AWS gives it. */
  static <E extends SfnException> E thrown(Class<E> type, ThrowingCallable call) {
    E e = catchThrowableOfType(type, call);
    assertThat(e).as("the call should fail with " + type.getSimpleName()).isNotNull();
    // the model documents 409 for ConflictException; every other error here is a 400
    assertThat(e.statusCode()).isEqualTo(type == ConflictException.class ? 409 : 400);
    return e;
  }

  static String message(SfnException e) {
    return e.awsErrorDetails().errorMessage();
  }
}
