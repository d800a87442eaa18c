"""Runs one of the conformance corpus' Lambda handlers (lambdas/*.py) as a Stepwise command function.

usage: python3 corpus_lambda.py FILE HANDLER (stepwise_lambda.py beside this file)

AWS ran each handler's code deployed as /var/task/handler.py, without the provenance comment the
corpus puts on its first line, and the recorded stack traces say so: the code is compiled under
that name, its lines as AWS numbered them, then served through the command protocol.
"""
import linecache
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stepwise_lambda  # noqa: E402

path, name = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines(True)
while lines and lines[0].startswith("# source:"):
    lines = lines[1:]
code = "".join(lines)
filename = "/var/task/handler.py"
linecache.cache[filename] = (len(code), None, lines, filename)  # the traceback's source lines
module = {"__name__": "handler", "__file__": filename}
exec(compile(code, filename, "exec"), module)
stepwise_lambda.serve(module[name])
