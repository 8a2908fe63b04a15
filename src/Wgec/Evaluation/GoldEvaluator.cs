using System.Globalization;
using Wgec.Engine;
using Wgec.Model;

namespace Wgec.Evaluation;

/// <summary>Per-characteristic agreement between the engine's verdicts and labelled data (shared/gold/dev.tsv format).</summary>
public sealed record CharacteristicScore(
    string Code, int N, double Kappa, double Accuracy,
    double ViolatesPrecision, double ViolatesRecall, double ViolatesF1,
    double MeetsPrecision, double MeetsRecall, double MeetsF1);

public sealed record EvaluationReport(
    int Items, IReadOnlyList<string> Missing, IReadOnlyList<CharacteristicScore> Scores,
    double MacroKappaCore, double MacroKappaAll, double MacroAccuracy, double MacroF1Violates, double MacroF1Meets,
    IReadOnlyList<(string Id, string Code, Verdict Gold, Verdict Predicted)> Disagreements);

public static class GoldEvaluator
{
    public static readonly string[] CoreCodes = ["GEN", "INC", "FUT", "NDUP", "DEV", "MEAS"];

    public static Dictionary<string, Dictionary<string, Verdict>> ReadGold(string path)
    {
        var source = Readers.InputFile.Read(path);
        var lines = source.Text.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split('\t');
        if (header.Length < 2 || header[0] != "id")
            throw new WgecException(path, 1, "expected a header line 'id<TAB>CODE<TAB>…'");
        var gold = new Dictionary<string, Dictionary<string, Verdict>>(StringComparer.Ordinal);
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
                row[header[c].Trim()] = v;
            }
            if (!gold.TryAdd(cells[0].Trim(), row)) throw new WgecException(path, i + 1, $"id '{cells[0]}' appears twice");
        }
        return gold;
    }

    public static EvaluationReport Evaluate(Dictionary<string, Dictionary<string, Verdict>> gold, CheckResult result)
    {
        var predicted = result.Documents.SelectMany(d => d.Proposals)
            .GroupBy(p => p.Proposal.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = gold.Keys.Where(id => !predicted.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var codes = result.Characteristics.Select(c => c.Code).Where(c => gold.Values.FirstOrDefault()?.ContainsKey(c) == true).ToList();
        var scores = new List<CharacteristicScore>();
        var disagreements = new List<(string, string, Verdict, Verdict)>();
        foreach (var code in codes)
        {
            var pairs = new List<(Verdict Gold, Verdict Pred)>();
            foreach (var (id, row) in gold.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (!predicted.TryGetValue(id, out var p)) continue;
                var pred = p.VerdictOf(code);
                pairs.Add((row[code], pred));
                if (row[code] != pred) disagreements.Add((id, code, row[code], pred));
            }
            scores.Add(Score(code, pairs));
        }
        double Mean(IEnumerable<double> xs) { var l = xs.ToList(); return l.Count == 0 ? 0 : l.Average(); }
        return new EvaluationReport(gold.Count - missing.Count, missing, scores,
            Mean(scores.Where(s => CoreCodes.Contains(s.Code)).Select(s => s.Kappa)),
            Mean(scores.Select(s => s.Kappa)), Mean(scores.Select(s => s.Accuracy)),
            Mean(scores.Select(s => s.ViolatesF1)), Mean(scores.Select(s => s.MeetsF1)), disagreements);
    }

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
