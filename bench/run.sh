#!/usr/bin/env bash
# Benchmarks (not tests): cold CLI time on the bundled compilation, the installed dotnet tool's start, the
# editor's language server (first diagnostics, typing latency, memory), then warm throughput on a synthetic corpus.
# Usage: bash bench/run.sh [proposals]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wgec.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Wgec.Bench -c Release -v q -nologo >/dev/null
dotnet build bench/Wgec.LspBench -c Release -v q -nologo >/dev/null
# A deployed CLI is published ReadyToRun (precompiled: far less JIT at start-up).
r2r=$(mktemp -d)
dotnet publish src/Wgec.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$r2r" -v q -nologo >/dev/null
cold() {
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e s wall, %U s user, %M KiB max RSS" "$@" >/dev/null
  done
}
echo "== cold: wgec check fixtures/wgec-compilation-2017.txt, ReadyToRun publish (5 runs, new process each)"
cold "$r2r/Wgec.Cli" check fixtures/wgec-compilation-2017.txt
echo "== cold: the same, plain 'dotnet build' output (JIT at start-up)"
cold src/Wgec.Cli/bin/Release/net10.0/Wgec.Cli check fixtures/wgec-compilation-2017.txt
echo "== cold, --profile full, ReadyToRun"
/usr/bin/time -f "%e s wall, %M KiB max RSS" "$r2r/Wgec.Cli" check fixtures/wgec-compilation-2017.txt --profile full >/dev/null
echo "== cold: one-proposal draft, ReadyToRun publish, then the installed dotnet tool (dotnet pack + tool install)"
cold "$r2r/Wgec.Cli" check fixtures/drafts/single-proposal.txt
pkg=$(mktemp -d); tools=$(mktemp -d)
dotnet pack src/Wgec.Cli -c Release -o "$pkg" -v q -nologo >/dev/null
dotnet tool install --tool-path "$tools" --add-source "$pkg" WgecCharacteristics.Tool >/dev/null
cold "$tools/wgec" check fixtures/drafts/single-proposal.txt
rm -rf "$pkg" "$tools"
echo "== editor: wgec lsp (ReadyToRun publish)"
dotnet bench/Wgec.LspBench/bin/Release/net10.0/Wgec.LspBench.dll . "$r2r/Wgec.Cli" lsp
rm -rf "$r2r"
echo "== warm throughput"
dotnet bench/Wgec.Bench/bin/Release/net10.0/Wgec.Bench.dll . "${1:-10000}"
