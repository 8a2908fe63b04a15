#!/usr/bin/env bash
# Benchmarks (not tests): cold CLI time on the bundled compilation, then warm throughput on a synthetic corpus.
# Usage: bash bench/run.sh [proposals]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wgec.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Wgec.Bench -c Release -v q -nologo >/dev/null
cli=src/Wgec.Cli/bin/Release/net10.0/Wgec.Cli
echo "== cold: wgec check fixtures/wgec-compilation-2017.txt (5 runs, new process each)"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e s wall, %M KiB max RSS" "$cli" check fixtures/wgec-compilation-2017.txt >/dev/null
done
echo "== cold, --profile full"
/usr/bin/time -f "%e s wall, %M KiB max RSS" "$cli" check fixtures/wgec-compilation-2017.txt --profile full >/dev/null
echo "== warm throughput"
dotnet bench/Wgec.Bench/bin/Release/net10.0/Wgec.Bench.dll . "${1:-10000}"
