#!/usr/bin/env python3
"""The delivery assistant's tracking worker: an activity worker in Python with boto3.

It polls GetActivityTask on the delivery-tracking activity, beats the task's heart while the
courier drives, and reports the delivery with SendTaskSuccess. Run it against any Stepwise:

    python3 tracker.py --endpoint http://localhost:8083 --activity ARN [--drive-seconds 1]
"""
import argparse
import datetime
import json
import signal
import sys
import time

import boto3
from botocore.config import Config

running = True


def stop(*_):
    global running
    running = False


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--endpoint", required=True)
    p.add_argument("--activity", required=True)
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--worker", default="tracker-py")
    p.add_argument("--drive-seconds", type=float, default=1.0)
    a = p.parse_args()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sfn = boto3.client("stepfunctions", endpoint_url=a.endpoint, region_name=a.region,
                       aws_access_key_id="demo", aws_secret_access_key="demo",
                       config=Config(read_timeout=70, retries={"max_attempts": 2}))
    print(f"tracker.py: polling {a.activity}", flush=True)
    while running:
        try:
            task = sfn.get_activity_task(activityArn=a.activity, workerName=a.worker)
        except Exception as e:  # the server restarting, or stopping
            if not running:
                break
            print(f"tracker.py: {e}", file=sys.stderr, flush=True)
            time.sleep(1)
            continue
        token = task.get("taskToken")
        if not token:
            continue  # the long poll ended without a task
        order = json.loads(task.get("input") or "{}")
        try:
            # the courier drives; the heart beats so the task is not timed out meanwhile
            end = time.time() + a.drive_seconds
            while time.time() < end and running:
                sfn.send_task_heartbeat(taskToken=token)
                time.sleep(min(0.5, max(0.0, end - time.time())))
            delivered = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            sfn.send_task_success(taskToken=token, output=json.dumps(
                {"orderId": order.get("orderId"), "deliveredAt": delivered, "trackedBy": a.worker}))
        except Exception as e:
            print(f"tracker.py: order {order.get('orderId')}: {e}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
