# A Lambda-style handler, run by Stepwise as a local command (see ../stepwise.yaml).
import os

calls = 0  # module state lives as long as the warm worker, as in a Lambda sandbox


def handler(event, context):
    global calls
    calls += 1
    print(f"greeting {event.get('name')} (call {calls} of this worker)")  # to Stepwise's log
    if not event.get("name"):
        raise ValueError("no name to greet")
    return {"greeting": os.environ.get("GREETING", "Hello") + ", " + event["name"], "calls": calls,
            "requestId": context.aws_request_id}
