package io.stepwise.integrations.s3;

/**
 * An S3 error: its code ({@code NoSuchKey}), HTTP status and message, as S3 answers. A task sees
 * it as {@code S3.<Code>Exception} where the SDK has an exception class of that name, else
 * {@code S3.S3Exception} ({@link S3Tasks}).
 */
final class S3Error extends RuntimeException {
  final String code;
  final int status;

  S3Error(String code, int status, String message) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  static S3Error noSuchBucket(String bucket) {
    return new S3Error("NoSuchBucket", 404, "The specified bucket does not exist");
  }

  static S3Error noSuchKey() {
    return new S3Error("NoSuchKey", 404, "The specified key does not exist.");
  }

  static S3Error invalidArgument(String message) {
    return new S3Error("InvalidArgument", 400, message);
  }
}
