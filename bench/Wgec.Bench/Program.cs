using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wgec.Analysis;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

// Warm throughput on a synthetic corpus built from the compilation's sentences. Each synthetic sentence joins
// a source sentence with the first half of another, so (almost) every sentence is new to the recognizers'
// cache; proposals have 1–3 such sentences, close to the compilation's mean proposal length.
var root = args.Length > 0 ? args[0] : ".";
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var rules = RuleSetLoader.Load(Path.Combine(root, "rules"));
var checker = new Checker(rules);
var compilation = DocumentReader.Read(Path.Combine(root, "fixtures", "wgec-compilation-2017.txt"));
var sentences = compilation.Proposals
    .SelectMany(p => new ProposalAnalysis(p).Sentences.Select(s => p.Text[s.Start..s.End]))
    .Select(s => string.Join(' ', s.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ';', ':'))
    .Where(s => s.Split(' ').Length >= 6).Distinct().ToArray();
var random = new Random(20171);

PolicyDocument Synthetic(int docIndex, int count)
{
    var sb = new StringBuilder();
    for (var i = 0; i < count; i++)
    {
        sb.Append(CultureInfo.InvariantCulture, $"## S{docIndex}-{i}\n\n");
        var n = 1 + random.Next(3);
        for (var k = 0; k < n; k++)
        {
            var a = sentences[random.Next(sentences.Length)];
            var b = sentences[random.Next(sentences.Length)].Split(' ');
            var half = string.Join(' ', b.Take(Math.Max(3, b.Length / 2)));
            sb.Append(a).Append(", and ").Append(char.ToLowerInvariant(half[0])).Append(half[1..]).Append(". ");
        }
        sb.Append("\n\n");
    }
    return DocumentReader.Parse(new SourceText($"synthetic-{docIndex}.md", sb.ToString()));
}

// Warm-up: JIT, recognizer models, NRules session factory.
// (1,000 proposals: enough for the switch to compiled lexicon regexes to happen and finish before timing.)
for (var w = 0; w < 10; w++) checker.Check([Synthetic(-1 - w, 100)], "full");
Thread.Sleep(500);
var words = 0;
var sample = Synthetic(-2, 1000);
words = sample.Proposals.Sum(p => new ProposalAnalysis(p).Tokens.Length);
Console.WriteLine($"source sentences: {sentences.Length}; corpus: {total} proposals in documents of 100; mean {words / 1000.0:0} words per proposal (compilation: {compilation.Proposals.Average(p => new ProposalAnalysis(p).Tokens.Length):0})");
var checkpoints = new[] { total / 4, total / 2, total };
var done = 0;
var docs = 0;
var watch = Stopwatch.StartNew();
var checkpoint = 0;
var lastDone = 0;
var lastTime = 0.0;
while (done < total)
{
    var size = Math.Min(100, total - done);
    var doc = Synthetic(docs++, size);
    checker.Check([doc], "full");
    done += size;
    if (checkpoint < checkpoints.Length && done >= checkpoints[checkpoint])
    {
        GC.Collect();
        var mb = GC.GetTotalMemory(true) / 1024.0 / 1024.0;
        var ws = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done,6} proposals  {done / elapsed,6:0} proposals/s overall  {(done - lastDone) / (elapsed - lastTime),6:0}/s since last line  managed heap {mb,6:0.0} MiB  peak working set {ws,6:0} MiB"));
        (lastDone, lastTime) = (done, elapsed);
        checkpoint++;
    }
}
