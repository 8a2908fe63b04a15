using System.Globalization;
using Wgec.Engine;
using Wgec.Model;

namespace Wgec.Evaluation;

/// <summary>
/// One labelled proposal. <see cref="Stem"/> is the document's file stem when the id was written
/// <c>stem:ID</c> (ids repeat across documents); a bare id names the one input proposal with that id.
/// </summary>
public sealed record GoldItem(string Key, string? Stem, string ProposalId, string File, int Line, IReadOnlyDictionary<string, Verdict> Labels);

/// <summary>Per-characteristic agreement between the engine's verdicts and labelled data.</summary>
public sealed record CharacteristicScore(
    string Code, int N, double Kappa, double Accuracy,
    double ViolatesPrecision, double ViolatesRecall, double ViolatesF1,
    double MeetsPrecision, double MeetsRecall, double MeetsF1);

/// <summary>Agreement within one input document: its items and macro kappa over the core and over all labelled characteristics.</summary>
public sealed record DocumentScore(string Path, string Stem, int Items, double MacroKappaCore, double MacroKappaAll);

/// <summary>A verdict that differs from its label, with the words that decided it (empty when nothing fired).</summary>
public sealed record Disagreement(string Key, string Code, Verdict Gold, Verdict Predicted, IReadOnlyList<Diagnostic> Evidence);

public sealed record EvaluationReport(
    int Items, IReadOnlyList<string> Missing, IReadOnlyList<CharacteristicScore> Scores,
    double MacroKappaCore, double MacroKappaAll, double MacroAccuracy, double MacroF1Violates, double MacroF1Meets,
    IReadOnlyList<Disagreement> Disagreements)
{
    public IReadOnlyList<DocumentScore> PerDocument { get; init; } = [];
    public double DocumentMacroKappaCore => PerDocument.Count == 0 ? 0 : PerDocument.Average(d => d.MacroKappaCore);
    public double DocumentMacroKappaAll => PerDocument.Count == 0 ? 0 : PerDocument.Average(d => d.MacroKappaAll);
}

public static class GoldEvaluator
{
    public static readonly string[] CoreCodes = ["GEN", "INC", "FUT", "NDUP", "DEV", "MEAS"];

    /// <summary>Reads one or more label files (TSV: <c>id</c> then one column per characteristic code, m/v/n).</summary>
    public static List<GoldItem> ReadGold(params IEnumerable<string> paths)
    {
        var items = new List<GoldItem>();
        var seen = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var source = Readers.InputFile.Read(path);
            var lines = source.Text.Replace("\r\n", "\n").Split('\n');
            var header = lines[0].Split('\t').Select(h => h.Trim()).ToArray();
            if (header.Length < 2 || header[0] != "id")
                throw new WgecException(path, 1, "expected a header line 'id<TAB>CODE<TAB>…'");
            for (var c = 1; c < header.Length; c++)
                if (Array.IndexOf(header, header[c], c + 1) > 0) throw new WgecException(path, 1, $"column '{header[c]}' appears twice");
            for (var i = 1; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                var cells = lines[i].Split('\t');
                if (cells.Length != header.Length)
                    throw new WgecException(path, i + 1, $"expected {header.Length} columns, found {cells.Length}");
                var row = new Dictionary<string, Verdict>(StringComparer.Ordinal);
                for (var c = 1; c < header.Length; c++)
                {
                    if (!VerdictNames.TryParse(cells[c].Trim(), out var v))
                        throw new WgecException(path, i + 1, $"column {header[c]}: '{cells[c]}' is not m, v or n");
                    row[header[c]] = v;
                }
                var key = cells[0].Trim();
                if (key.Length == 0) throw new WgecException(path, i + 1, "empty id");
                if (seen.TryGetValue(key, out var first))
                    throw new WgecException(path, i + 1, $"id '{key}' is labelled twice (first at {first.File}:{first.Line})");
                seen[key] = (path, i + 1);
                var colon = key.LastIndexOf(':');
                items.Add(colon > 0
                    ? new GoldItem(key, key[..colon], key[(colon + 1)..], path, i + 1, row)
                    : new GoldItem(key, null, key, path, i + 1, row));
            }
        }
        return items;
    }

    /// <summary>A label column must be a characteristic the run judges; a typo would otherwise score as silent disagreement.</summary>
    public static void Validate(IReadOnlyList<GoldItem> gold, IEnumerable<string> knownCodes)
    {
        var known = knownCodes.ToHashSet(StringComparer.Ordinal);
        foreach (var item in gold)
            foreach (var code in item.Labels.Keys)
                if (!known.Contains(code))
                    throw new WgecException(item.File, 1, $"column '{code}' is not a characteristic of the catalogue ({string.Join(", ", known)})", code);
    }

    public static string StemOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    public static EvaluationReport Evaluate(IReadOnlyList<GoldItem> gold, CheckResult result)
    {
        var byStem = new Dictionary<(string Stem, string Id), (DocumentResult Doc, ProposalResult P)>();
        var byId = new Dictionary<string, List<(DocumentResult, ProposalResult)>>(StringComparer.Ordinal);
        foreach (var d in result.Documents)
            foreach (var p in d.Proposals)
            {
                byStem.TryAdd((StemOf(d.Document.Path), p.Proposal.Id), (d, p));
                if (!byId.TryGetValue(p.Proposal.Id, out var l)) byId[p.Proposal.Id] = l = [];
                l.Add((d, p));
            }

        // A label file of bare ids describes one document: the input holding most of its ids (ties: none).
        var home = new Dictionary<string, DocumentResult>(StringComparer.Ordinal);
        foreach (var file in gold.Where(g => g.Stem is null).GroupBy(g => g.File))
        {
            var ranked = result.Documents.Select(d => (Doc: d, Hits: file.Count(g => d.Proposals.Any(p => p.Proposal.Id == g.ProposalId))))
                .Where(x => x.Hits > 0).OrderByDescending(x => x.Hits).ToList();
            if (ranked.Count > 0 && (ranked.Count == 1 || ranked[0].Hits > ranked[1].Hits)) home[file.Key] = ranked[0].Doc;
        }
        var matched = new List<(GoldItem Item, DocumentResult Doc, ProposalResult P)>();
        var missing = new List<string>();
        foreach (var item in gold)
        {
            if (item.Stem is not null)
            {
                if (byStem.TryGetValue((item.Stem, item.ProposalId), out var hit)) matched.Add((item, hit.Doc, hit.P));
                else missing.Add(item.Key);
            }
            else if (!byId.TryGetValue(item.ProposalId, out var hits)) missing.Add(item.Key);
            else if (hits.Count == 1) matched.Add((item, hits[0].Item1, hits[0].Item2));
            else if (home.TryGetValue(item.File, out var doc) && hits.FirstOrDefault(h => h.Item1 == doc) is { Item1: not null } own)
                matched.Add((item, own.Item1, own.Item2));
            else missing.Add($"{item.Key} (in {hits.Count} documents: write stem:{item.Key})");
        }
        matched.Sort((a, b) => string.CompareOrdinal(a.Item.Key, b.Item.Key));
        missing.Sort(StringComparer.Ordinal);

        var codes = result.Characteristics.Select(c => c.Code).Where(c => gold.Any(g => g.Labels.ContainsKey(c))).ToList();
        var scores = ScoreAll(codes, matched.Select(m => (m.Item, m.P)).ToList());
        var disagreements = new List<Disagreement>();
        foreach (var code in codes)
            foreach (var (item, _, p) in matched)
                if (item.Labels.TryGetValue(code, out var label) && label != p.VerdictOf(code))
                    disagreements.Add(new Disagreement(item.Key, code, label, p.VerdictOf(code),
                        p.Diagnostics.Where(x => x.Characteristic == code).ToList()));

        var perDocument = matched.GroupBy(m => m.Doc.Document.Path, StringComparer.Ordinal)
            .Select(g =>
            {
                var docScores = ScoreAll(codes, g.Select(m => (m.Item, m.P)).ToList());
                return new DocumentScore(g.Key, StemOf(g.Key), g.Count(), MacroCore(docScores), Mean(docScores.Select(s => s.Kappa)));
            })
            .OrderBy(d => d.Path, StringComparer.Ordinal).ToList();

        return new EvaluationReport(matched.Count, missing, scores, MacroCore(scores),
            Mean(scores.Select(s => s.Kappa)), Mean(scores.Select(s => s.Accuracy)),
            Mean(scores.Select(s => s.ViolatesF1)), Mean(scores.Select(s => s.MeetsF1)), disagreements)
        { PerDocument = perDocument };
    }

    private static List<CharacteristicScore> ScoreAll(List<string> codes, List<(GoldItem Item, ProposalResult P)> matched) =>
        codes.Select(code => Score(code, matched.Where(m => m.Item.Labels.ContainsKey(code))
                .Select(m => (m.Item.Labels[code], m.P.VerdictOf(code))).ToList()))
            .Where(s => s.N > 0).ToList();

    private static double MacroCore(List<CharacteristicScore> scores) => Mean(scores.Where(s => CoreCodes.Contains(s.Code)).Select(s => s.Kappa));

    private static double Mean(IEnumerable<double> xs) { var l = xs.ToList(); return l.Count == 0 ? 0 : l.Average(); }

    public static CharacteristicScore Score(string code, List<(Verdict Gold, Verdict Pred)> pairs)
    {
        var n = pairs.Count;
        if (n == 0) return new CharacteristicScore(code, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var labels = new[] { Verdict.Meets, Verdict.Violates, Verdict.NotAddressed };
        var po = pairs.Count(p => p.Gold == p.Pred) / (double)n;
        var pe = labels.Sum(l => pairs.Count(p => p.Gold == l) / (double)n * (pairs.Count(p => p.Pred == l) / (double)n));
        var kappa = pe >= 1 ? (po >= 1 ? 1 : 0) : (po - pe) / (1 - pe);
        var (vp, vr, vf) = Prf(pairs, Verdict.Violates);
        var (mp, mr, mf) = Prf(pairs, Verdict.Meets);
        return new CharacteristicScore(code, n, kappa, po, vp, vr, vf, mp, mr, mf);
    }

    /// <summary>Precision, recall, F1 of one label; a label absent from both sides counts as perfect agreement (1.0).</summary>
    private static (double, double, double) Prf(List<(Verdict Gold, Verdict Pred)> pairs, Verdict label)
    {
        var tp = pairs.Count(p => p.Gold == label && p.Pred == label);
        var predicted = pairs.Count(p => p.Pred == label);
        var actual = pairs.Count(p => p.Gold == label);
        if (predicted == 0 && actual == 0) return (1, 1, 1);
        var precision = predicted == 0 ? 0 : tp / (double)predicted;
        var recall = actual == 0 ? 0 : tp / (double)actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    public static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
