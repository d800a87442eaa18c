package io.stepwise.integrations.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The S3 operations Step Functions' tasks and Distributed Map runs make, on local buckets
 * ({@link LocalBuckets}) or a real endpoint ({@link RemoteBuckets}). Failures are {@link S3Error}s
 * with S3's error codes.
 */
interface ObjectStore {
  /** An object's content and what S3 says of it. */
  record StoredObject(byte[] body, ObjectInfo info) {}

  /** @param etag the quoted MD5 of the content, as S3 writes it */
  record ObjectInfo(String key, long size, String etag, Instant lastModified, String contentType, Map<String, String> metadata) {}

  /** One page of a listing: the objects, the common prefixes (with a delimiter), and where the next page starts (null: none). */
  record Listing(List<ObjectInfo> objects, List<String> commonPrefixes, String nextContinuationToken) {}

  StoredObject get(String bucket, String key);

  ObjectInfo head(String bucket, String key);

  /** @return the stored object's ETag */
  String put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata);

  /** Deleting a key that is not there succeeds, as on S3. */
  void delete(String bucket, String key);

  /**
   * @param continuationToken where the previous page ended, or null
   * @param startAfter list keys after this one, or null
   */
  Listing list(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken, String startAfter);

  void createBucket(String bucket);

  List<String> buckets();
}
