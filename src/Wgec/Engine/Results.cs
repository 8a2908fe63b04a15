using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Engine;

public enum Verdict { Meets, Violates, NotAddressed }

public static class VerdictNames
{
    public static string Name(this Verdict v) => v switch
    {
        Verdict.Meets => "meets",
        Verdict.Violates => "violates",
        _ => "not-addressed",
    };

    public static bool TryParse(string text, out Verdict verdict)
    {
        switch (text)
        {
            case "m" or "meets": verdict = Verdict.Meets; return true;
            case "v" or "violates": verdict = Verdict.Violates; return true;
            case "n" or "not-addressed": verdict = Verdict.NotAddressed; return true;
            default: verdict = Verdict.NotAddressed; return false;
        }
    }
}

/// <summary>Another place a finding points to (e.g. the proposal a near-duplicate restates).</summary>
public sealed record RelatedLocation(string ProposalId, string Path, Location Location, string Message);

/// <summary>One finding: a rule that fired on exact words of a proposal.</summary>
public sealed record Diagnostic(
    RuleDefinition Rule,
    Severity Severity,
    string Message,
    string Text,
    int Start,
    int End,
    Location Location,
    IReadOnlyList<RelatedLocation> Related)
{
    public string Id => Rule.Id;
    public string Characteristic => Rule.Characteristic;
    public Polarity Polarity => Rule.Polarity;
}

public sealed record ProposalResult(
    Proposal Proposal,
    IReadOnlyList<(string Code, Verdict Verdict)> Verdicts,
    IReadOnlyList<Tension> Tensions,
    double Score,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public Verdict VerdictOf(string code) => Verdicts.First(v => v.Code == code).Verdict;
}

public sealed record DocumentResult(PolicyDocument Document, IReadOnlyList<ProposalResult> Proposals, double Score);

public sealed record CheckResult(string Profile, IReadOnlyList<Characteristic> Characteristics, IReadOnlyList<DocumentResult> Documents)
{
    public IEnumerable<Diagnostic> AllDiagnostics => Documents.SelectMany(d => d.Proposals).SelectMany(p => p.Diagnostics);
}
