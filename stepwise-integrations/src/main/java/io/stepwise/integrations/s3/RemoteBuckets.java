package io.stepwise.integrations.s3;

import io.stepwise.integrations.config.ServiceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Buckets on a real endpoint (AWS, or any S3-compatible server) through the AWS SDK for Java v2.
 * A custom endpoint is addressed path-style ({@code http://host/bucket/key}), which compatible
 * servers expect; AWS's own endpoint is left to the SDK.
 */
final class RemoteBuckets implements ObjectStore, AutoCloseable {
  private final S3Client s3;

  RemoteBuckets(ServiceSettings settings, String defaultRegion) {
    var b = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(settings.region() != null ? settings.region() : defaultRegion));
    if (!settings.isAws()) {
      // compatible servers seldom take the SDK's aws-chunked bodies (chunk signatures, trailing checksums)
      b.endpointOverride(settings.endpoint()).forcePathStyle(true)
          .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    b.credentialsProvider(settings.credentials());
    this.s3 = b.build();
  }

  @Override
  public StoredObject get(String bucket, String key) {
    try {
      ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key));
      GetObjectResponse h = r.response();
      return new StoredObject(r.asByteArray(),
          new ObjectInfo(key, r.asByteArray().length, h.eTag(), h.lastModified(), h.contentType(), new LinkedHashMap<>(h.metadata())));
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public ObjectInfo head(String bucket, String key) {
    try {
      HeadObjectResponse h = s3.headObject(g -> g.bucket(bucket).key(key));
      return new ObjectInfo(key, h.contentLength(), h.eTag(), h.lastModified(), h.contentType(), new LinkedHashMap<>(h.metadata()));
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public String put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
    try {
      return s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType).metadata(metadata), RequestBody.fromBytes(body)).eTag();
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public void delete(String bucket, String key) {
    try {
      s3.deleteObject(d -> d.bucket(bucket).key(key));
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public Listing list(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken, String startAfter) {
    try {
      ListObjectsV2Response r = s3.listObjectsV2(l -> l.bucket(bucket).prefix(prefix).delimiter(delimiter).maxKeys(maxKeys)
          .continuationToken(continuationToken).startAfter(startAfter));
      List<ObjectInfo> objects = new ArrayList<>();
      for (S3Object o : r.contents()) {
        objects.add(new ObjectInfo(o.key(), o.size(), o.eTag(), o.lastModified(), null, Map.of()));
      }
      return new Listing(objects, r.commonPrefixes().stream().map(CommonPrefix::prefix).toList(),
          Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null);
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public void createBucket(String bucket) {
    try {
      s3.createBucket(c -> c.bucket(bucket));
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  @Override
  public List<String> buckets() {
    try {
      return s3.listBuckets().buckets().stream().map(software.amazon.awssdk.services.s3.model.Bucket::name).toList();
    } catch (S3Exception e) {
      throw error(e);
    }
  }

  private static S3Error error(S3Exception e) {
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "S3" : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
        : e.awsErrorDetails().errorMessage();
    return new S3Error(code, e.statusCode(), message);
  }

  @Override
  public void close() {
    s3.close();
  }
}
