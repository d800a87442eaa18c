#!/usr/bin/env bash
# End to end with real clients: starts `stepwise serve` on a free loopback port with a fresh data
# directory, drives it with the AWS CLI and boto3 (an activity worker in Python), kills it with
# SIGKILL mid-run, starts it again and checks the execution finished; then the JavaScript SDK v3
# (installed from npm). Stops what it starts, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v aws >/dev/null || { echo "e2e: the AWS CLI is not on PATH: skipped"; exit 0; }
python3 -c "import boto3" 2>/dev/null || { echo "e2e: boto3 is not installed: skipped"; exit 0; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
export AWS_DISABLE_HOST_PREFIX_INJECTION=true   # StartSyncExecution's sync- host prefix, off for a local endpoint
endpoint="http://127.0.0.1:$port"
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start_server() {
  ./stepwise serve --port "$port" --data "$work/data" > "$work/server-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do
    if aws stepfunctions list-state-machines --endpoint-url "$endpoint" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$work/server-$1.log"; echo "e2e: the server exited" >&2; exit 1; }
    sleep 0.2
  done
  cat "$work/server-$1.log"; echo "e2e: the server did not come up" >&2; exit 1
}
sfn() { aws stepfunctions --endpoint-url "$endpoint" --output json "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_server 1
role=arn:aws:iam::123456789012:role/e2e
sm=$(sfn create-state-machine --name e2e-wait --role-arn "$role" \
  --definition '{"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":8,"Next":"Add"},"Add":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}' \
  | field "['stateMachineArn']")
exec_arn=$(sfn start-execution --state-machine-arn "$sm" --name run-1 --input '{"a":2,"b":40}' | field "['executionArn']")
[ "$(sfn describe-execution --execution-arn "$exec_arn" | field "['status']")" = RUNNING ]

kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""   # a crash while the execution waits
start_server 2
for _ in $(seq 1 100); do
  status=$(sfn describe-execution --execution-arn "$exec_arn" | field "['status']")
  [ "$status" != RUNNING ] && break
  sleep 0.1
done
[ "$status" = SUCCEEDED ] || { echo "e2e: after the restart the execution is $status" >&2; exit 1; }
[ "$(sfn describe-execution --execution-arn "$exec_arn" | field "['output']")" = '{"sum":42}' ]
events=$(sfn get-execution-history --execution-arn "$exec_arn" | field "['events'].__len__()")
[ "$events" = 6 ] || { echo "e2e: expected 6 events, got $events" >&2; exit 1; }

express=$(sfn create-state-machine --name e2e-express --type EXPRESS --role-arn "$role" \
  --definition '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"hi","End":true}}}' | field "['stateMachineArn']")
[ "$(sfn start-sync-execution --state-machine-arn "$express" | field "['output']")" = '"hi"' ]

# boto3: an activity worker in Python, as users write them
STEPWISE_ENDPOINT="$endpoint" python3 - <<'PY'
import json, os, threading, boto3
sfn = boto3.client("stepfunctions", endpoint_url=os.environ["STEPWISE_ENDPOINT"])
activity = sfn.create_activity(name="e2e-track")["activityArn"]
sm = sfn.create_state_machine(name="e2e-activity", roleArn="arn:aws:iam::123456789012:role/e2e",
    definition=json.dumps({"StartAt": "Track", "States": {"Track": {"Type": "Task", "Resource": activity, "End": True}}}))["stateMachineArn"]
arn = sfn.start_execution(stateMachineArn=sm, input=json.dumps({"order": 7}))["executionArn"]
task = sfn.get_activity_task(activityArn=activity, workerName="py-worker")
assert json.loads(task["input"]) == {"order": 7}, task
sfn.send_task_heartbeat(taskToken=task["taskToken"])
sfn.send_task_success(taskToken=task["taskToken"], output=json.dumps({"delivered": True}))
import time
for _ in range(100):
    d = sfn.describe_execution(executionArn=arn)
    if d["status"] != "RUNNING":
        break
    time.sleep(0.1)
assert d["status"] == "SUCCEEDED" and json.loads(d["output"]) == {"delivered": True}, d
try:
    sfn.describe_execution(executionArn=arn + "-missing")
    raise SystemExit("an unknown execution was described")
except sfn.exceptions.ExecutionDoesNotExist:
    pass
started = [e for e in sfn.get_execution_history(executionArn=arn)["events"] if e["type"] == "ActivityStarted"]
assert started[0]["activityStartedEventDetails"]["workerName"] == "py-worker", started
print("e2e boto3: activity worker, heartbeat, history and errors: ok")
PY

# The local DynamoDB on the same port, with the AWS CLI: a table, an item, a scan, and a workflow's Task on it
grep -q "dynamodb: local (tables $work/data/dynamodb.db)" "$work/server-2.log" || { cat "$work/server-2.log"; echo "e2e: no dynamodb line in the log" >&2; exit 1; }
ddb() { aws dynamodb --endpoint-url "$endpoint" --output json "$@"; }
ddb create-table --table-name Inventory --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=sku,AttributeType=S --key-schema AttributeName=sku,KeyType=HASH > /dev/null
ddb put-item --table-name Inventory --item '{"sku": {"S": "pen"}, "stock": {"N": "3"}}'
[ "$(ddb scan --table-name Inventory | field "['Items'][0]['stock']['N']")" = 3 ] || { echo "e2e: the scan did not find the item" >&2; exit 1; }
if ddb put-item --table-name Inventory --item '{"sku": {"S": "pen"}}' --condition-expression 'attribute_not_exists(sku)' > "$work/ddb.out" 2>&1; then
  echo "e2e: a failed condition was written" >&2; exit 1
fi
grep -q ConditionalCheckFailedException "$work/ddb.out" || { cat "$work/ddb.out"; echo "e2e: no ConditionalCheckFailedException" >&2; exit 1; }
ddb_sm=$(sfn create-state-machine --name e2e-ddb --role-arn "$role" --definition '{"StartAt":"Take","States":{"Take":{"Type":"Task",
  "Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"TableName":"Inventory","Key":{"sku":{"S":"pen"}},
  "UpdateExpression":"SET stock = stock - :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"},
  "OutputPath":"$.Attributes","End":true}}}' | field "['stateMachineArn']")
ddb_exec=$(sfn start-execution --state-machine-arn "$ddb_sm" | field "['executionArn']")
for _ in $(seq 1 100); do
  status=$(sfn describe-execution --execution-arn "$ddb_exec" | field "['status']")
  [ "$status" != RUNNING ] && break
  sleep 0.1
done
[ "$(sfn describe-execution --execution-arn "$ddb_exec" | field "['output']")" = '{"stock":{"N":"2"}}' ] \
  || { sfn describe-execution --execution-arn "$ddb_exec"; echo "e2e: the DynamoDB task did not update the item" >&2; exit 1; }
echo "e2e: the local DynamoDB with the AWS CLI (create-table, put-item, scan, a failed condition) and a workflow's updateItem: ok"

# The JavaScript SDK v3, from npm (installed here, into the scratch directory)
if command -v npm >/dev/null && npm install --prefix "$work/js" --no-audit --no-fund --silent @aws-sdk/client-sfn@3 > "$work/npm.log" 2>&1; then
  STEPWISE_ENDPOINT="$endpoint" NODE_PATH="$work/js/node_modules" NODE_NO_WARNINGS=1 node - <<'JS'
const assert = require("node:assert");
const sfnApi = require("@aws-sdk/client-sfn");
// disableHostPrefix: StartSyncExecution's sync- host prefix, off for a local endpoint
const sfn = new sfnApi.SFNClient({ endpoint: process.env.STEPWISE_ENDPOINT, region: "us-east-1", disableHostPrefix: true,
  credentials: { accessKeyId: "test", secretAccessKey: "test" } });
(async () => {
  const role = "arn:aws:iam::123456789012:role/e2e";
  const { stateMachineArn } = await sfn.send(new sfnApi.CreateStateMachineCommand({ name: "e2e-js", roleArn: role,
    definition: JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", Parameters: { "twice.$": "States.MathAdd($.n, $.n)" }, End: true } } }) }));
  const { executionArn } = await sfn.send(new sfnApi.StartExecutionCommand({ stateMachineArn, name: "js-1", input: '{"n":21}' }));
  let d;
  for (let i = 0; i < 100; i++) {
    d = await sfn.send(new sfnApi.DescribeExecutionCommand({ executionArn }));
    if (d.status !== "RUNNING") break;
    await new Promise(r => setTimeout(r, 100));
  }
  assert.equal(d.status, "SUCCEEDED");
  assert.deepEqual(JSON.parse(d.output), { twice: 42 });
  assert.ok(d.startDate instanceof Date && d.stopDate >= d.startDate);
  const page = await sfn.send(new sfnApi.ListExecutionsCommand({ stateMachineArn, maxResults: 1 }));
  assert.equal(page.executions[0].executionArn, executionArn);
  const history = await sfn.send(new sfnApi.GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }));
  assert.equal(history.events[0].type, "ExecutionSucceeded");
  assert.ok(history.nextToken);
  const express = await sfn.send(new sfnApi.CreateStateMachineCommand({ name: "e2e-js-express", roleArn: role, type: "EXPRESS",
    definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"js","End":true}}}' }));
  const sync = await sfn.send(new sfnApi.StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn }));
  assert.equal(sync.status, "SUCCEEDED");
  assert.equal(sync.output, '"js"');
  await assert.rejects(sfn.send(new sfnApi.DescribeExecutionCommand({ executionArn: executionArn + "-missing" })),
    e => e instanceof sfnApi.ExecutionDoesNotExist && e.$metadata.httpStatusCode === 400);
  await assert.rejects(sfn.send(new sfnApi.StartExecutionCommand({ stateMachineArn, input: "{not json" })),
    e => e instanceof sfnApi.InvalidExecutionInput);
  console.log("e2e JavaScript SDK v3: executions, history paging, StartSyncExecution and errors: ok");
})().catch(e => { console.error(e); process.exit(1); });
JS
else
  echo "e2e: npm could not install @aws-sdk/client-sfn (see below): the JavaScript SDK part is skipped" >&2
  cat "$work/npm.log" >&2 || true
fi

# Local SQS with the AWS CLI (botocore speaks SQS's JSON protocol): a workflow sends its task token
# to a queue, a worker reads it with `aws sqs receive-message` and answers with send-task-success;
# an EventBridge rule and an SNS subscription deliver to a queue; `stepwise messages` reads back
# what reached a topic and a bus.
sqs() { aws sqs --endpoint-url "$endpoint" --output json "$@"; }
queue=$(sqs create-queue --queue-name e2e-couriers | field "['QueueUrl']")
[ "$queue" = "$endpoint/123456789012/e2e-couriers" ] || { echo "e2e: queue URL $queue" >&2; exit 1; }
cb=$(sfn create-state-machine --name e2e-callback --role-arn "$role" --definition "$(cat <<JSON
{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
 "Parameters":{"QueueUrl":"$queue","MessageBody":{"order.\$":"\$.order","token.\$":"\$\$.Task.Token"}},"End":true}}}
JSON
)" | field "['stateMachineArn']")
cb_exec=$(sfn start-execution --state-machine-arn "$cb" --input '{"order":"o-1"}' | field "['executionArn']")
sqs receive-message --queue-url "$queue" --wait-time-seconds 10 > "$work/received.json"
token=$(python3 -c "import json; m=json.load(open('$work/received.json'))['Messages'][0]; b=json.loads(m['Body']); assert b['order']=='o-1', b; print(b['token'])")
receipt=$(field "['Messages'][0]['ReceiptHandle']" < "$work/received.json")
sfn send-task-success --task-token "$token" --task-output '{"courier":"Ada"}' > /dev/null
sqs delete-message --queue-url "$queue" --receipt-handle "$receipt"
for _ in $(seq 1 100); do
  status=$(sfn describe-execution --execution-arn "$cb_exec" | field "['status']")
  [ "$status" != RUNNING ] && break
  sleep 0.1
done
[ "$status" = SUCCEEDED ] || { echo "e2e: the callback execution is $status" >&2; exit 1; }
if sqs get-queue-url --queue-name e2e-absent > "$work/absent.out" 2>&1; then echo "e2e: a missing queue was found" >&2; exit 1; fi
grep -q "NonExistentQueue\|QueueDoesNotExist" "$work/absent.out" || { cat "$work/absent.out"; echo "e2e: no QueueDoesNotExist" >&2; exit 1; }
aws events --endpoint-url "$endpoint" put-rule --name e2e-shipped --event-pattern '{"source":["shop"]}' > /dev/null
aws events --endpoint-url "$endpoint" put-targets --rule e2e-shipped --targets "Id=q,Arn=arn:aws:sqs:us-east-1:123456789012:e2e-couriers" > /dev/null
aws events --endpoint-url "$endpoint" put-events --entries '[{"Source":"shop","DetailType":"Shipped","Detail":"{\"id\":7}"}]' > /dev/null
sqs receive-message --queue-url "$queue" --wait-time-seconds 5 > "$work/event.json"
python3 -c "import json; e=json.loads(json.load(open('$work/event.json'))['Messages'][0]['Body']); assert e['detail']=={'id':7}, e"
topic=$(aws sns --endpoint-url "$endpoint" --output json create-topic --name e2e-alerts | field "['TopicArn']")
aws sns --endpoint-url "$endpoint" subscribe --topic-arn "$topic" --protocol sqs \
  --notification-endpoint arn:aws:sqs:us-east-1:123456789012:e2e-couriers --attributes RawMessageDelivery=true > /dev/null
aws sns --endpoint-url "$endpoint" publish --topic-arn "$topic" --message "parcel left" > /dev/null
sqs receive-message --queue-url "$queue" --wait-time-seconds 5 > "$work/note.json"
[ "$(field "['Messages'][0]['Body']" < "$work/note.json")" = "parcel left" ] || { cat "$work/note.json"; echo "e2e: no SNS delivery" >&2; exit 1; }
./stepwise messages --data "$work/data" --topic e2e-alerts | grep -q '"Message":"parcel left"' || { echo "e2e: stepwise messages has no notification" >&2; exit 1; }
./stepwise messages --data "$work/data" --bus default | grep -q '"detail-type":"Shipped"' || { echo "e2e: stepwise messages has no event" >&2; exit 1; }
echo "e2e: local SQS, SNS and EventBridge with the AWS CLI, a callback through a queue, stepwise messages: ok"

kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""   # SIGTERM: a clean stop
echo "e2e: AWS CLI and boto3 against stepwise serve, through a kill -9 and a restart: ok"

# Settings from stepwise.yaml in the working directory, with Signature Version 4 verified: the AWS
# CLI and boto3 with the right key are served, with a wrong secret or unsigned they are refused.
mkdir -p "$work/conf"
cat > "$work/conf/credentials" <<'INI'
[default]
aws_access_key_id = AKIDE2ESTEPWISE
aws_secret_access_key = e2e/secret+key
INI
cat > "$work/conf/stepwise.yaml" <<YAML
port: $port
data: data
retention: 30d
auth:
  mode: sigv4
  credentials: credentials
YAML
repo=$(pwd)
# this server's own log is JSON lines (STEPWISE_LOG_FORMAT=json), on standard error
(cd "$work/conf" && STEPWISE_LOG_FORMAT=json exec "$repo/stepwise" serve) > "$work/server-3.log" 2>&1 &
pid=$!
export AWS_ACCESS_KEY_ID=AKIDE2ESTEPWISE AWS_SECRET_ACCESS_KEY=e2e/secret+key
for _ in $(seq 1 150); do
  if aws stepfunctions list-state-machines --endpoint-url "$endpoint" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$work/server-3.log"; echo "e2e: the server exited" >&2; exit 1; }
  sleep 0.2
done
LOG="$work/server-3.log" CONF="$work/conf/stepwise.yaml" python3 - <<'PY' || { cat "$work/server-3.log"; echo "e2e: the JSON log is wrong" >&2; exit 1; }
import json, os
lines = [json.loads(l) for l in open(os.environ["LOG"]) if l.strip()]
assert all({"timestamp", "level", "loggerName", "formattedMessage"} <= l.keys() for l in lines), lines[:3]
assert any(l["formattedMessage"].startswith("Settings from the configuration file " + os.environ["CONF"]) for l in lines)
PY
grep -q "Ended executions are kept 30d" "$work/server-3.log" || { cat "$work/server-3.log"; echo "e2e: no retention line" >&2; exit 1; }
signed=$(sfn create-activity --name e2e-signed | field "['activityArn']")
# DynamoDB's API on the same port takes signatures scoped to dynamodb
[ "$(aws dynamodb list-tables --endpoint-url "$endpoint" --output json | field "['TableNames']")" = "[]" ] \
  || { echo "e2e: a signed DynamoDB request did not list the tables" >&2; exit 1; }
aws sqs --endpoint-url "$endpoint" create-queue --queue-name e2e-signed > /dev/null   # signed for sqs, verified
aws sns --endpoint-url "$endpoint" create-topic --name e2e-signed > /dev/null         # and for sns (the query protocol)
if AWS_SECRET_ACCESS_KEY=wrong aws stepfunctions list-activities --endpoint-url "$endpoint" > "$work/wrong.out" 2>&1; then
  echo "e2e: a wrong secret was served" >&2; exit 1
fi
grep -q "InvalidSignatureException" "$work/wrong.out" || { cat "$work/wrong.out"; echo "e2e: a wrong secret got no InvalidSignatureException" >&2; exit 1; }
if aws stepfunctions list-activities --no-sign-request --endpoint-url "$endpoint" > "$work/unsigned.out" 2>&1; then
  echo "e2e: an unsigned request was served" >&2; exit 1
fi
grep -q "MissingAuthenticationTokenException" "$work/unsigned.out" || { cat "$work/unsigned.out"; echo "e2e: unsigned got no MissingAuthenticationTokenException" >&2; exit 1; }
STEPWISE_ENDPOINT="$endpoint" SIGNED="$signed" python3 - <<'PY'
import os, boto3, botocore
good = boto3.client("stepfunctions", endpoint_url=os.environ["STEPWISE_ENDPOINT"])
assert os.environ["SIGNED"] in [a["activityArn"] for a in good.list_activities()["activities"]]
sm = good.create_state_machine(name="e2e-signed-sm", roleArn="arn:aws:iam::123456789012:role/e2e",
    definition='{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}')["stateMachineArn"]
arn = good.start_execution(stateMachineArn=sm)["executionArn"]
d = good.describe_state_machine_for_execution(executionArn=arn)
logged = good.create_state_machine(name="e2e-logged", roleArn="arn:aws:iam::123456789012:role/e2e",
    definition='{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', loggingConfiguration={"level": "ALL",
    "includeExecutionData": True, "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn":
    "arn:aws:logs:us-east-1:123456789012:log-group:e2e-logs:*"}}]})["stateMachineArn"]
la = good.start_execution(stateMachineArn=logged, name="logged-1", input='{"n":1}')["executionArn"]
import time
for _ in range(100):
    if good.describe_execution(executionArn=la)["status"] != "RUNNING":
        break
    time.sleep(0.1)
assert d["stateMachineArn"] == sm and d["name"] == "e2e-signed-sm", d
bad = boto3.client("stepfunctions", endpoint_url=os.environ["STEPWISE_ENDPOINT"], aws_access_key_id="AKIDUNKNOWN",
    aws_secret_access_key="x")
try:
    bad.list_activities()
    raise SystemExit("an unknown key was served")
except botocore.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "UnrecognizedClientException", e.response
print("e2e boto3: signed requests, DescribeStateMachineForExecution, an unknown key refused: ok")
PY
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
# the execution log of the state machine with a loggingConfiguration: AWS's log event lines, in its group's file
LOGS="$work/conf/data/execution-logs/e2e-logs.log" python3 - <<'PY' || { echo "e2e: the execution log is wrong" >&2; exit 1; }
import json, os
lines = [json.loads(l) for l in open(os.environ["LOGS"])]
assert [l["type"] for l in lines] == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], lines
assert lines[0]["execution_arn"].endswith(":execution:e2e-logged:logged-1") and lines[0]["details"]["input"] == '{"n":1}', lines[0]
print("e2e: execution logs: ok")
PY
echo "e2e: stepwise.yaml and Signature Version 4 with the AWS CLI and boto3: ok"
