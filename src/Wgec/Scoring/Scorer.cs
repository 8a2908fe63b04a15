using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Scoring;

/// <summary>
/// Verdicts and the conformance score, as the catalogue defines them:
/// - a characteristic with any 'violates' evidence is violated; else any 'meets' evidence meets it; else an
///   'avoid' characteristic is met (nothing warned against was done) and an 'include' one is not addressed;
/// - score = 100 × Σ weight × value / Σ weight over the profile, value 1 for meets, 0.5 for not-addressed
///   (include characteristics only), 0 for violates; rounded to one decimal. A document's score is the mean
///   of its proposals' scores.
/// </summary>
public static class Scorer
{
    public static Verdict VerdictFor(Characteristic characteristic, IEnumerable<Diagnostic> evidence)
    {
        var hasMeets = false;
        foreach (var d in evidence)
        {
            if (d.Characteristic != characteristic.Code) continue;
            if (d.Polarity == Polarity.Violates) return Verdict.Violates;
            hasMeets = true;
        }
        if (hasMeets) return Verdict.Meets;
        return characteristic.Kind == CharacteristicKind.Avoid ? Verdict.Meets : Verdict.NotAddressed;
    }

    /// <summary>The formula, as every report writes it.</summary>
    public const string Formula = "100 × Σ weight × value / Σ weight; value: meets 1, not-addressed 0.5 (include characteristics), violates 0";

    /// <summary>What a verdict is worth (an avoid characteristic is never not-addressed: nothing warned against is a meet).</summary>
    public static double Value(Verdict verdict) => verdict switch
    {
        Verdict.Meets => 1.0,
        Verdict.NotAddressed => 0.5,
        _ => 0.0,
    };

    public static double Score(IReadOnlyList<Characteristic> profile, IReadOnlyList<(string Code, Verdict Verdict)> verdicts)
    {
        double total = 0, earned = 0;
        foreach (var c in profile)
        {
            total += c.Weight;
            earned += c.Weight * Value(verdicts.First(x => x.Code == c.Code).Verdict);
        }
        return total == 0 ? 0 : Round(100 * earned / total);
    }

    /// <summary>The points one characteristic's verdict adds to a proposal's score (unrounded; they sum to it before rounding).</summary>
    public static double Contribution(IReadOnlyList<Characteristic> profile, Characteristic characteristic, Verdict verdict)
    {
        var total = profile.Sum(c => c.Weight);
        return total == 0 ? 0 : 100 * characteristic.Weight * Value(verdict) / total;
    }

    public static double Mean(IEnumerable<double> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? 0 : Round(list.Average());
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<Tension> Tensions(IEnumerable<Tension> declared, IReadOnlyList<(string Code, Verdict Verdict)> verdicts)
    {
        var result = new List<Tension>();
        foreach (var t in declared)
        {
            var a = verdicts.FirstOrDefault(v => v.Code == t.Avoid);
            var i = verdicts.FirstOrDefault(v => v.Code == t.Include);
            if (a.Code is null || i.Code is null) continue;
            if (a.Verdict == Verdict.Violates && i.Verdict == Verdict.Meets) result.Add(t);
        }
        return result;
    }
}
