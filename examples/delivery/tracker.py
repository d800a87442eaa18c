#!/usr/bin/env python3
"""The delivery assistant's tracking worker: an activity worker in Python with boto3.

It polls GetActivityTask on the delivery-tracking activity, beats the task's heart while the
courier drives, and reports the delivery with SendTaskSuccess. Run it against any Stepwise:

    python3 tracker.py --endpoint http://localhost:8083 --activity ARN [--drive-seconds 1] [--threads 4]
"""
import argparse
import datetime
import json
import signal
import os
import sys
import threading
import time

import boto3
from botocore.config import Config

running = True


def stop(*_):
    global running
    running = False


def work(a, name):
    """One worker's loop: a task at a time, until told to stop."""
    # the credentials in the environment (AWS_ACCESS_KEY_ID, ...) when there are any, as a server
    # verifying signatures needs; else any will do
    keys = {} if os.environ.get("AWS_ACCESS_KEY_ID") else {"aws_access_key_id": "demo", "aws_secret_access_key": "demo"}
    sfn = boto3.client("stepfunctions", endpoint_url=a.endpoint, region_name=a.region, **keys,
                       config=Config(read_timeout=70, retries={"max_attempts": 2}))
    while running:
        try:
            task = sfn.get_activity_task(activityArn=a.activity, workerName=name)
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
            sfn.send_task_heartbeat(taskToken=token)
            end = time.time() + a.drive_seconds
            while time.time() < end and running:
                time.sleep(min(0.5, max(0.0, end - time.time())))
                sfn.send_task_heartbeat(taskToken=token)
            delivered = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            sfn.send_task_success(taskToken=token, output=json.dumps(
                {"orderId": order.get("orderId"), "deliveredAt": delivered, "trackedBy": name}))
        except Exception as e:
            print(f"tracker.py: order {order.get('orderId')}: {e}", file=sys.stderr, flush=True)


def watch_parent(pid):
    """Stops the worker when the process that started it is gone (killed, even with SIGKILL)."""
    global running
    while running:
        if os.getppid() != pid:
            print("tracker.py: the process that started me is gone; stopping", file=sys.stderr, flush=True)
            os._exit(0)
        time.sleep(0.5)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--endpoint", required=True)
    p.add_argument("--activity", required=True)
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--worker", default="tracker-py")
    p.add_argument("--drive-seconds", type=float, default=1.0)
    p.add_argument("--threads", type=int, default=1, help="tasks worked on at once")
    p.add_argument("--parent-pid", type=int, help="stop when this process (the one that started us) is gone")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if a.parent_pid:
        threading.Thread(target=watch_parent, args=(a.parent_pid,), daemon=True).start()
    print(f"tracker.py: polling {a.activity} with {a.threads} worker(s)", flush=True)
    workers = [threading.Thread(target=work, args=(a, a.worker if a.threads == 1 else f"{a.worker}-{i}"), daemon=True)
               for i in range(1, a.threads + 1)]
    for w in workers:
        w.start()
    while running and any(w.is_alive() for w in workers):
        time.sleep(0.2)
    for w in workers:
        w.join(75)  # each finishes the call in hand (a long poll ends within its read timeout)


if __name__ == "__main__":
    main()
