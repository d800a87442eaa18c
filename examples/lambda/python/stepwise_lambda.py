"""Stepwise's command-function protocol for Python: run a Lambda-style handler as a warm worker.

Stepwise starts the command of a ``command:`` function once and keeps it running; it writes one
JSON request per line to the worker's stdin and reads one JSON response per line from its stdout
(docs/integrations.md, "Lambda"). This module speaks that protocol for you.

Run a handler as Lambda names it (``module.function``, the module a file in the working directory,
or ``path/to/module.function``)::

    functions:
      greet:
        command: python3
        args: [stepwise_lambda.py, greet.handler]

or call ``serve(handler)`` from a script of your own. The handler gets ``(event, context)`` as on
Lambda; what it returns is the result (bytes are sent as they are), and what it raises is the
function's error, reported as Lambda's Python runtime reports it. ``print`` goes to stderr, which
Stepwise logs: stdout belongs to the protocol. The worker ends when its stdin closes.
"""

import importlib
import importlib.util
import json
import os
import queue
import sys
import threading
import time
import traceback


class ClientContext:
    """context.client_context: the invocation's ClientContext, decoded."""

    def __init__(self, raw):
        self.client = raw.get("client")
        self.custom = raw.get("custom")
        self.env = raw.get("env")


class Context:
    """The context object Lambda hands a Python handler, from the request's context."""

    def __init__(self, c):
        self.function_name = c.get("functionName")
        self.function_version = c.get("functionVersion")
        self.invoked_function_arn = c.get("invokedFunctionArn")
        self.memory_limit_in_mb = str(c.get("memoryLimitInMB"))
        self.aws_request_id = c.get("awsRequestId")
        self.log_group_name = c.get("logGroupName")
        self.log_stream_name = c.get("logStreamName")
        self.identity = c.get("identity")
        cc = c.get("clientContext")
        self.client_context = ClientContext(cc) if isinstance(cc, dict) else None
        self._deadline_ms = c.get("deadlineMs") or 0

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def _error(exc, request_id, drop_frames=1):
    # as Lambda's Python runtime: the handler's frames only (the call from here is dropped)
    frames = traceback.extract_tb(exc.__traceback__)[drop_frames:]
    return {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_list(frames),
    }


def _answer(handler, request):
    rid = request.get("id")
    try:
        result = handler(request.get("event"), Context(request.get("context") or {}))
    except Exception as e:  # the function's error, as Lambda reports an unhandled exception
        return {"id": rid, "error": json.dumps(_error(e, rid))}
    if isinstance(result, (bytes, bytearray)):
        return {"id": rid, "payload": bytes(result).decode("utf-8", errors="replace")}
    try:
        return {"id": rid, "payload": json.dumps(result)}
    except (TypeError, ValueError) as e:
        return {"id": rid, "error": json.dumps({"errorMessage": "Unable to marshal response: " + str(e),
                                                "errorType": "Runtime.MarshalError", "requestId": rid, "stackTrace": []})}


def serve(handler, init_error=None):
    """Answers requests until stdin closes. With init_error (an error dict), every request gets it."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)  # a handler's print goes to stderr, not into the protocol
    sys.stdout = sys.stderr
    requests = queue.Queue()

    def read():
        for line in sys.stdin:
            if line.strip():
                requests.put(line)
        requests.put(None)  # stdin closed: Stepwise stopped or went away; answer what came, then end
        time.sleep(2)
        os._exit(0)  # a handler still running after that is stopped with the worker

    threading.Thread(target=read, daemon=True).start()
    protocol.write(json.dumps({"ready": True}) + "\n")  # the handler is loaded: initialisation is over
    protocol.flush()
    while True:
        line = requests.get()
        if line is None:
            return
        try:
            request = json.loads(line)
        except ValueError:
            print("stepwise_lambda: not a request: " + line[:200], file=sys.stderr)
            continue
        if init_error is not None:
            answer = {"id": request.get("id"), "error": json.dumps(dict(init_error, requestId=request.get("id")))}
        else:
            answer = _answer(handler, request)
        protocol.write(json.dumps(answer) + "\n")
        protocol.flush()


def load(spec):
    """The handler a Lambda-style spec names: module.function, or path/to/module.function."""
    module_path, _, name = spec.rpartition(".")
    if not module_path or not name:
        raise ValueError("a handler is module.function, not " + spec)
    file = module_path + ".py"
    if "/" in module_path or os.path.exists(file):
        sys.path.insert(0, os.path.dirname(os.path.abspath(file)))
        s = importlib.util.spec_from_file_location(os.path.basename(module_path), file)
        if s is None:
            raise ImportError("No module named '" + module_path + "'")
        module = importlib.util.module_from_spec(s)
        s.loader.exec_module(module)
    else:
        sys.path.insert(0, os.getcwd())
        module = importlib.import_module(module_path)
    fn = getattr(module, name, None)
    if fn is None:
        raise AttributeError("Handler '" + name + "' missing on module '" + module_path + "'")
    return fn


def main(argv):
    if len(argv) != 2:
        print("usage: stepwise_lambda.py module.function", file=sys.stderr)
        return 2
    try:
        handler = load(argv[1])
    except AttributeError as e:
        serve(None, {"errorMessage": str(e), "errorType": "Runtime.HandlerNotFound", "stackTrace": []})
    except Exception as e:  # as Lambda: the module does not import, and every invocation says so
        serve(None, {"errorMessage": "Unable to import module '" + argv[1].rpartition(".")[0] + "': " + str(e),
                     "errorType": "Runtime.ImportModuleError", "stackTrace": []})
    serve(handler)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
