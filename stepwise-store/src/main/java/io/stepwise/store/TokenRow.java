package io.stepwise.store;

/**
 * The task-token index: which execution's task a callback token (SendTaskSuccess, SendTaskFailure,
 * SendTaskHeartbeat) or an activity token answers.
 *
 * @param activityArn the activity's ARN when the token is an activity task's; else null
 */
public record TokenRow(String taskToken, String executionArn, long scheduledEventId, String activityArn) {}
