#!/usr/bin/env python3
"""The delivery assistant under load, with failures injected and a kill -9 of the server midway.

Starts `./stepwise demo delivery` (its own process group, a fresh data directory, a free loopback
port) with a busy card processor, couriers who do not answer and the Python tracking worker; places
ORDERS orders through boto3 at RATE a second, some paid with a declined card and some for a product
that runs out; kills the demo with SIGKILL (by its process group: the server, its functions and
workers, and tracker.py) when KILL_AT of them are placed, starts it again on the same data and
places the rest. When every order has ended it checks, through boto3:

- every order was started once and ended once: one execution per order, none running, and each
  history has exactly one terminal event, its last, with event ids 1..n;
- every order ended as the workflow says it may: delivered, or failed OutOfStock, PaymentDeclined,
  PaymentFailed or NoCourier;
- the stock of each product equals its stock at the start minus what delivered orders took, never
  negative, with no hold left; the Orders table holds exactly the delivered orders; Payments holds
  a charge for each delivered order, a refund for each NoCourier one (and for a PaymentFailed one
  that was charged after all), nothing else.

It prints the figures (throughput, order latency, the restart's cost) and writes them as JSON with
--report. Exit code 0 when every check holds, 1 when one does not, 2 when the run could not be made.

    scripts/delivery-load.py --orders 10000 --rate 15 --report target/delivery-load.json
"""
import argparse
import concurrent.futures
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict

import boto3
from botocore.config import Config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FINAL_ERRORS = {"OutOfStock", "PaymentDeclined", "PaymentFailed", "NoCourier"}
TERMINAL = {"ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"}
SCARCE = "CAKE"  # its stock is cut at the start, so that concurrent orders race for the last of it


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Demo:
    """`stepwise demo delivery` in a process group of its own, stopped by that group's id."""

    def __init__(self, args, port, data, log_dir):
        self.args, self.port, self.data, self.log_dir = args, port, data, log_dir
        self.proc = None
        self.runs = 0

    def start(self):
        self.runs += 1
        log = open(os.path.join(self.log_dir, f"demo-{self.runs}.log"), "w")
        cmd = [os.path.join(ROOT, "stepwise"), "demo", "delivery", "--port", str(self.port), "--data", self.data,
               "--rate", "0", "--payment-busy", str(self.args.payment_busy), "--no-shows", str(self.args.no_shows),
               "--couriers", str(self.args.couriers), "--trackers", str(self.args.trackers),
               "--drive-seconds", str(self.args.drive_seconds), "--tracker", self.args.tracker]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self.proc.pid

    def kill9(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)  # as Ctrl-C: the workers stop, then the server
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None


def clients(endpoint):
    kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="demo", aws_secret_access_key="demo",
              config=Config(retries={"max_attempts": 0}, connect_timeout=2, read_timeout=30, max_pool_connections=32))
    return boto3.client("stepfunctions", **kw), boto3.client("dynamodb", **kw)


def cannot_run(why):
    """The run could not be made (exit code 2, as against 1 for a check that failed)."""
    print(f"delivery-load: {why}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def wait_up(sfn, demo, seconds=180):
    """Until the demo's state machine is there; the seconds it took."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        if not demo.alive():
            cannot_run(f"the demo exited (see {demo.log_dir}/demo-{demo.runs}.log)")
        try:
            machines = sfn.list_state_machines()["stateMachines"]
            arn = next((m["stateMachineArn"] for m in machines if m["name"] == "DeliveryAssistant"), None)
            if arn:
                return arn, time.monotonic() - t0
        except Exception:
            pass
        time.sleep(0.05)
    cannot_run(f"the demo did not come up in {seconds} s")


def order(i, products, rng, declines, scarce_share):
    skus = sorted(products)
    picked = rng.sample(skus, rng.randint(1, 3))
    if rng.random() < scarce_share and SCARCE not in picked:
        picked[0] = SCARCE
    lines = [{"sku": s, "quantity": rng.randint(1, 3), "price": products[s]} for s in picked]
    total = sum(l["price"] * l["quantity"] for l in lines)
    return {"orderId": f"L-{i}", "customer": {"id": f"C-{rng.randint(1, 500)}", "email": "customer@example.com"},
            "address": {"line1": f"{rng.randint(1, 200)} High Street", "postcode": "N1 1AA"},
            "lines": lines, "total": round(total, 2),
            "card": {"token": "tok_declined" if rng.random() < declines else "tok_visa"},
            "dispatchAfterSeconds": 1}


def inventory(ddb):
    items = {}
    for page in ddb.get_paginator("scan").paginate(TableName="Inventory", ConsistentRead=True):
        for it in page["Items"]:
            items[it["sku"]["S"]] = it
    return items


def scan(ddb, table):
    out = []
    for page in ddb.get_paginator("scan").paginate(TableName=table, ConsistentRead=True):
        out.extend(page["Items"])
    return out


def list_executions(sfn, machine, status=None):
    kw = {"stateMachineArn": machine}
    if status:
        kw["statusFilter"] = status
    out = []
    for page in sfn.get_paginator("list_executions").paginate(**kw, PaginationConfig={"PageSize": 1000}):
        out.extend(page["executions"])
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--orders", type=int, default=10000)
    p.add_argument("--rate", type=float, default=100, help="orders placed a second")
    p.add_argument("--kill-at", type=float, default=0.5, help="the share of orders placed when the server is killed; 0: no kill")
    p.add_argument("--payment-busy", type=float, default=0.2)
    p.add_argument("--declines", type=float, default=0.03)
    p.add_argument("--no-shows", type=float, default=0.05)
    p.add_argument("--scarce", type=int, default=400, help=f"the stock {SCARCE} starts with")
    p.add_argument("--scarce-share", type=float, default=0.1, help=f"the share of orders with a line of {SCARCE}")
    p.add_argument("--couriers", type=int, default=8)
    p.add_argument("--trackers", type=int, default=8)
    p.add_argument("--drive-seconds", type=float, default=0.1)
    p.add_argument("--tracker", default="python")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--timeout", type=float, default=1200, help="the most seconds the whole run may take")
    p.add_argument("--report", help="write the figures here as JSON")
    p.add_argument("--keep", action="store_true", help="keep the data directory and logs")
    args = p.parse_args()

    work = tempfile.mkdtemp(prefix="delivery-load-")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    demo = Demo(args, port, os.path.join(work, "data"), work)
    deadline = time.monotonic() + args.timeout
    try:
        return run(args, demo, endpoint, deadline)
    finally:
        demo.stop()
        if args.keep:
            print(f"delivery-load: data and logs kept in {work}")
        else:
            subprocess.run(["rm", "-rf", work])


def run(args, demo, endpoint, deadline):
    sfn, ddb = clients(endpoint)
    demo.start()
    machine, first_start = wait_up(sfn, demo)
    print(f"delivery-load: demo up in {first_start:.1f} s on {endpoint} (pid {demo.proc.pid})", flush=True)
    ddb.update_item(TableName="Inventory", Key={"sku": {"S": SCARCE}}, UpdateExpression="SET stock = :s",
                    ExpressionAttributeValues={":s": {"N": str(args.scarce)}})
    items = inventory(ddb)
    start_stock = {k: int(v["stock"]["N"]) for k, v in items.items()}
    products = {k: float(v["price"]["N"]) for k, v in items.items()}

    rng = random.Random(args.seed)
    orders = [order(i, products, rng, args.declines, args.scarce_share) for i in range(args.orders)]
    kill_after = int(args.orders * args.kill_at) if args.kill_at > 0 else None
    lock = threading.Lock()
    up = threading.Event()  # cleared while the server is down: placers wait
    up.set()
    crash = {}
    place_retries = Counter()

    def place(i):
        o = orders[i]
        body = json.dumps(o, separators=(",", ":"))
        while time.monotonic() < deadline:
            up.wait()
            try:
                sfn.start_execution(stateMachineArn=machine, name=o["orderId"], input=body)
                break
            except sfn.exceptions.ExecutionAlreadyExists:
                break  # started before the crash and ended since: placed once all the same
            except Exception as e:  # the server is down or restarting: the same order again
                with lock:
                    place_retries[type(e).__name__] += 1
                time.sleep(0.2)

    t_begin = time.time()
    gap = 1.0 / args.rate if args.rate > 0 else 0
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        futures = []
        next_at = time.monotonic()
        for i in range(args.orders):
            if kill_after is not None and i == kill_after:
                concurrent.futures.wait(futures)
                crash.update(kill(sfn, demo, machine, up))
                machine, crash["api_seconds"] = wait_up(sfn, demo)
                up.set()
                print(f"delivery-load: restarted; the API answered {crash['api_seconds']:.2f} s after the kill", flush=True)
                next_at = time.monotonic()
            futures.append(pool.submit(place, i))
            next_at += gap
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        concurrent.futures.wait(futures)
    t_placed = time.time()
    print(f"delivery-load: {args.orders} orders placed in {t_placed - t_begin:.1f} s", flush=True)

    while True:
        running = list_executions(sfn, machine, "RUNNING")
        if not running:
            break
        if time.monotonic() > deadline:
            print(f"delivery-load: {len(running)} orders still running at the time limit", file=sys.stderr)
            return 1
        time.sleep(1)
    t_end = time.time()
    print(f"delivery-load: every order ended {t_end - t_placed:.1f} s after the last was placed", flush=True)
    return check(args, sfn, ddb, machine, orders, start_stock, t_begin, t_end, crash, place_retries)


def kill(sfn, demo, machine, up):
    """SIGKILL to the demo's process group while orders are in flight; then the same demo again."""
    open_before = len(list_executions(sfn, machine, "RUNNING"))
    up.clear()
    t = time.time()
    pid = demo.proc.pid
    demo.kill9()
    print(f"delivery-load: kill -9 of the demo's process group {pid} with {open_before} orders running", flush=True)
    demo.start()
    return {"killed_at": t, "open_at_kill": open_before}


def check(args, sfn, ddb, machine, orders, start_stock, t_begin, t_end, crash, place_retries):
    problems = []
    executions = list_executions(sfn, machine)
    names = Counter(e["name"] for e in executions)
    expected = {o["orderId"] for o in orders}
    dup = [n for n, c in names.items() if c > 1]
    if dup:
        problems.append(f"orders started more than once: {dup[:5]}")
    if set(names) != expected:
        missing = expected - set(names)
        extra = set(names) - expected
        problems.append(f"executions differ from the orders placed: {len(missing)} missing {sorted(missing)[:5]},"
                        f" {len(extra)} unexpected {sorted(extra)[:5]}")

    def history(e):
        events = []
        for page in sfn.get_paginator("get_execution_history").paginate(executionArn=e["executionArn"]):
            events.extend(page["events"])
        return e["name"], events

    outcome = {}
    histories_checked = 0
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for name, events in pool.map(history, executions):
            histories_checked += 1
            ids = [ev["id"] for ev in events]
            terminal = [ev for ev in events if ev["type"] in TERMINAL]
            if ids != list(range(1, len(ids) + 1)):
                problems.append(f"{name}: event ids are not 1..{len(ids)}")
            if len(terminal) != 1 or events[-1]["type"] not in TERMINAL:
                problems.append(f"{name}: {len(terminal)} terminal events, the last event is {events[-1]['type']}")
                continue
            t = terminal[0]
            if t["type"] == "ExecutionSucceeded":
                outcome[name] = "DELIVERED"
            elif t["type"] == "ExecutionFailed" and t["executionFailedEventDetails"].get("error") in FINAL_ERRORS:
                outcome[name] = t["executionFailedEventDetails"]["error"]
            else:
                d = t.get("executionFailedEventDetails", {})
                problems.append(f"{name}: ended {t['type']} {d.get('error')}: {d.get('cause', '')[:200]}")
                outcome[name] = t["type"]

    delivered = {n for n, o in outcome.items() if o == "DELIVERED"}
    lines = {o["orderId"]: o["lines"] for o in orders}
    sold = Counter()
    for n in delivered:
        for l in lines[n]:
            sold[l["sku"]] += l["quantity"]
    for sku, item in inventory(ddb).items():
        stock = int(item["stock"]["N"])
        want = start_stock[sku] - sold[sku]
        if stock != want or stock < 0:
            problems.append(f"{sku}: stock {stock}, but {start_stock[sku]} at the start less {sold[sku]} delivered is {want}")
        holds = item.get("holds", {}).get("M", {})
        if holds:
            problems.append(f"{sku}: {len(holds)} holds left, e.g. {sorted(holds)[:3]}")
    recorded = Counter(i["orderId"]["S"] for i in scan(ddb, "Orders"))
    if set(recorded) != delivered or any(c > 1 for c in recorded.values()):
        problems.append(f"Orders: {len(recorded)} recorded, {len(delivered)} delivered;"
                        f" differing: {sorted(set(recorded) ^ delivered)[:5]}")
    payments = defaultdict(list)
    for i in scan(ddb, "Payments"):
        payments[i["orderId"]["S"]].append(i["status"]["S"])
    charged = {n for n, s in payments.items() if s == ["CHARGED"]}
    refunded = {n for n, s in payments.items() if s == ["REFUNDED"]}
    no_courier = {n for n, o in outcome.items() if o == "NoCourier"}
    payment_failed = {n for n, o in outcome.items() if o == "PaymentFailed"}
    if charged != delivered:
        problems.append(f"Payments: {len(charged)} charged, {len(delivered)} delivered; differing: {sorted(charged ^ delivered)[:5]}")
    # a NoCourier order was charged, so refunded; a PaymentFailed one is refunded if it was charged after all
    if not no_courier <= refunded or not refunded <= no_courier | payment_failed:
        problems.append(f"Payments: {len(refunded)} refunded, {len(no_courier)} without a courier;"
                        f" differing: {sorted(refunded ^ no_courier)[:5]}")
    other = set(payments) - charged - refunded
    if other:
        problems.append(f"Payments: {len(other)} orders with other records, e.g. {sorted(other)[:3]}")

    # the orders the crash caught in flight, against the others: what the restart cost them
    killed_at = crash.get("killed_at")
    caught, spared = [], []
    for e in executions:
        if e.get("stopDate"):
            lat = (e["stopDate"] - e["startDate"]).total_seconds()
            inflight = killed_at and e["startDate"].timestamp() < killed_at < e["stopDate"].timestamp()
            (caught if inflight else spared).append(lat)
    latencies = sorted(caught + spared)

    def pct(q):
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2) if latencies else None

    report = {
        "orders": args.orders, "rate": args.rate, "outcomes": dict(Counter(outcome.values())),
        "histories_checked": histories_checked,
        "wall_seconds": round(t_end - t_begin, 1),
        "orders_per_second": round(args.orders / (t_end - t_begin), 1),
        "latency_seconds": {"p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": latencies[-1] if latencies else None},
        "stock": {"start": start_stock, "delivered": dict(sold)},
        "faults": {"payment_busy": args.payment_busy, "declines": args.declines, "no_shows": args.no_shows,
                   "scarce": {SCARCE: args.scarce}, "place_retries": dict(place_retries)},
        "problems": problems,
    }
    if crash:
        def median(v):
            return round(sorted(v)[len(v) // 2], 2) if v else None
        report["crash"] = {"open_at_kill": crash["open_at_kill"], "api_seconds_after_kill": round(crash["api_seconds"], 2),
                           "kill_at_placed": int(args.orders * args.kill_at),
                           "caught_in_flight": len(caught), "caught_latency_p50": median(caught),
                           "others_latency_p50": median(spared)}
    report["check_seconds"] = round(time.time() - t_end, 1)
    if args.report:
        os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
        with open(args.report, "w") as f:
            json.dump(report, f, indent=2, default=str)
        summary = {k: report[k] for k in ("outcomes", "wall_seconds", "latency_seconds", "check_seconds")}
        summary.update({"crash": report["crash"]} if crash else {})
        print(f"delivery-load: {json.dumps(summary, default=str)} (all figures in {args.report})")
    else:
        print(json.dumps(report, indent=2, default=str))
    if problems:
        print(f"delivery-load: {len(problems)} problems, e.g.:\n  " + "\n  ".join(problems[:20]), file=sys.stderr)
        return 1
    print(f"delivery-load: all {args.orders} orders ended once; the stock, Orders and Payments agree with them", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
