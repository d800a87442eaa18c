#!/usr/bin/env bash
# A 100-case suite through `stepwise test`: the example's four cases (examples/testing) 25 times
# each, under names of their own, written to a temporary folder beside copies of the definition
# and the mock file. Prints the command's own summary (the cases' time) and the wall time of the
# whole command (JVM start, parsing the suite and the definition, the cases, the output).
# Usage: stepwise-testing/bench/hundred-cases.sh [ROUNDS]   (after ./mvnw -q -B -pl stepwise-cli -am package -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/examples/testing/order.asl.json" "$root/examples/testing/MockConfigFile.json" "$tmp/"
python3 - "$root/examples/testing/order-suite.yaml" "$tmp/hundred.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
head, cases = text.split("\ncases:\n", 1)
blocks = ["  - name:" + b for b in cases.split("  - name:") if b.strip()]
out = [head, "\ncases:\n"]
for i in range(25):
    for b in blocks:
        first, rest = b.split("\n", 1)
        out.append(first + " (" + str(i + 1) + ")\n" + rest.rstrip("\n") + "\n")
open(sys.argv[2], "w").write("".join(out))
PY
test "$(grep -c '^  - name:' "$tmp/hundred.yaml")" = 100
for r in $(seq "$rounds"); do
  start=$(date +%s%N)
  summary=$("$root/stepwise" test "$tmp/hundred.yaml" | tail -n 1)
  end=$(date +%s%N)
  echo "round $r: $summary; whole command $(( (end - start) / 1000000 )) ms"
done
