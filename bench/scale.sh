#!/usr/bin/env bash
# Scale benchmark (not a test): one Markdown draft of about 21,500 proposals (14 MB), made from the sentences of
# bench/Wgec.LspBench/draft-20.md with varied endings, checked in one process: wall time and peak memory.
# Usage: bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wgec.Cli -c Release -v q -nologo >/dev/null
work=$(mktemp -d)
python3 - "$work/scale.md" <<'PY'
import random, sys
random.seed(1)
sentences = [l.strip() for l in open('bench/Wgec.LspBench/draft-20.md') if l.strip() and not l.startswith(('#', '-', 'title'))]
words = "cooperation governance stakeholders regional national digital capacity access standards data security inclusion rights development innovation investment infrastructure".split()
out, size, i = ["# Scale draft", ""], 0, 0
while size < 14_000_000:
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
echo "== check, text report to a file"
/usr/bin/time -f "%e s wall, %U s user, %M KiB max RSS" dotnet src/Wgec.Cli/bin/Release/net10.0/Wgec.Cli.dll check "$work/scale.md" -o "$work/out.txt" || true
echo "== check, JSON report to a file"
/usr/bin/time -f "%e s wall, %U s user, %M KiB max RSS" dotnet src/Wgec.Cli/bin/Release/net10.0/Wgec.Cli.dll check "$work/scale.md" --format json -o "$work/out.json" || true
rm -rf "$work"
