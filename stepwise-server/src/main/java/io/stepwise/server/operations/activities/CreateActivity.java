package io.stepwise.server.operations.activities;

import io.stepwise.server.arn.Names;
import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.Tag;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.tags.TagRules;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.ActivityRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateActivity, idempotent by name as AWS defines it: the same name returns the existing
 * activity (different tags are ignored, and not applied); only a different encryption
 * configuration, which may not change, is ActivityAlreadyExists.
 */
public final class CreateActivity implements Operation<CreateActivity.Request, CreateActivity.Result> {
  private final Services services;

  public CreateActivity(Services services) {
    this.services = services;
  }

  public record Request(String name, List<Tag> tags, EncryptionConfiguration encryption) {}

  public record Result(String activityArn, Instant creationDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("activityArn", activityArn).timestamp("creationDate", creationDate);
    }
  }

  @Override
  public String name() {
    return "CreateActivity";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("name", Shapes.NAME, true), TagRules.read(in, "tags", false), Configurations.readEncryption(in));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    if (!Names.valid(r.name())) {
      throw Errors.invalidName(r.name());
    }
    Configurations.checkEncryption(r.encryption());
    String arn = services.arns().activity(r.name());
    List<Tag> tags = TagRules.merge(arn, List.of(), r.tags() == null ? List.of() : r.tags());
    return services.registry().write(tx -> {
      Optional<ActivityRecord> existing = tx.activity(arn);
      if (existing.isPresent()) {
        if (!Objects.equals(existing.get().encryption(), r.encryption())) {
          throw Errors.activityAlreadyExists(arn);
        }
        return new Result(arn, existing.get().creationDate());
      }
      tx.putActivity(new ActivityRecord(arn, r.name(), r.encryption(), context.now()));
      tx.putTags(arn, tags);
      return new Result(arn, context.now());
    });
  }
}
