#!/usr/bin/env bash
# Scale benchmark (not a test): Markdown drafts of about 21,500 proposals (14 MB) and 75,500 proposals (50 MB),
# made from the sentences of bench/Wgec.LspBench/draft-20.md with varied endings, each checked in one process
# (text, JSON and SARIF for the first): wall time, proposals per second and peak memory (maximum resident set).
# Usage: bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wgec.Cli -c Release -v q -nologo >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_draft() { # make_draft FILE BYTES
python3 - "$1" "$2" <<'PY'
import random, sys
random.seed(1)
sentences = [l.strip() for l in open('bench/Wgec.LspBench/draft-20.md') if l.strip() and not l.startswith(('#', '-', 'title'))]
words = "cooperation governance stakeholders regional national digital capacity access standards data security inclusion rights development innovation investment infrastructure".split()
out, size, i = ["# Scale draft", ""], 0, 0
while size < int(sys.argv[2]):
    i += 1
    out += [f"## S{i} Proposal {i}", ""]
    for k in range(random.randint(2, 4)):
        extra = ' '.join(random.choice(words) for _ in range(random.randint(3, 10)))
        out.append(random.choice(sentences).rstrip('.') + f", with {extra} in area {i}-{k}.")
    out.append("")
    if i % 500 == 0: size = sum(len(x) + 1 for x in out)
open(sys.argv[1], 'w').write("\n".join(out))
print(f"{i} proposals, {size / 1e6:.1f} MB")
PY
}
run() { # run LABEL DRAFT ARGS...
  local label=$1 draft=$2; shift 2
  local proposals; proposals=$(grep -c '^## ' "$draft")
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -q -f "%M" -o "$work/rss" dotnet src/Wgec.Cli/bin/Release/net10.0/Wgec.Cli.dll check "$draft" "$@" || true
  end=$(date +%s.%N)
  python3 -c "import sys; w=float(sys.argv[2])-float(sys.argv[1]); print(f'== {sys.argv[3]}: {w:.1f} s wall, {int(sys.argv[4])/w:.0f} proposals/s, peak {int(sys.argv[5])/1024:.0f} MiB')" \
    "$start" "$end" "$label" "$proposals" "$(tail -n 1 "$work/rss")"
}
make_draft "$work/scale.md" 14000000
run "14 MB, text report to a file" "$work/scale.md" -o "$work/out.txt"
run "14 MB, JSON report to a file" "$work/scale.md" --format json -o "$work/out.json"
run "14 MB, SARIF to a file" "$work/scale.md" --format sarif -o "$work/out.sarif"
make_draft "$work/scale50.md" 50000000
run "50 MB, text report to a file" "$work/scale50.md" -o "$work/out50.txt"
