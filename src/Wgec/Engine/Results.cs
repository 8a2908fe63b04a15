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
    RuleDescriptor Rule,
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

    /// <summary>Stable identity of the finding (proposal, rule, words, occurrence): unchanged when unrelated lines move.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Set when an in-source comment or the baseline accepts the finding; it stays visible in JSON and SARIF.</summary>
    public Suppression? Suppression { get; init; }

    public string? ProposalId { get; init; }

    public bool IsSuppressed => Suppression is not null;
}

/// <summary>Why a finding is not reported as a problem, and the reason recorded for it.</summary>
public sealed record Suppression(SuppressionKind Kind, string Justification);

public enum SuppressionKind
{
    /// <summary>A wgec-disable comment in the draft accepts the finding.</summary>
    InSource,
    /// <summary>The baseline file accepts it.</summary>
    Baseline,
}

public static class SuppressionKindNames
{
    /// <summary>The name in the JSON report, which took SARIF's words ("inSource", "external") and keeps them.</summary>
    public static string JsonName(this SuppressionKind kind) => kind == SuppressionKind.InSource ? "inSource" : "external";
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

public sealed record DocumentResult(PolicyDocument Document, IReadOnlyList<ProposalResult> Proposals, double Score)
{
    /// <summary>Findings about the document itself rather than a proposal (e.g. a suppression that suppresses nothing).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Proposals whose score is below the configured minimum (a quality gate).</summary>
    public IReadOnlyList<string> BelowMinScore { get; init; } = [];
    public double? MinScore { get; init; }

    public IEnumerable<Diagnostic> AllDiagnostics => Proposals.SelectMany(p => p.Diagnostics).Concat(Diagnostics);
}

public sealed record CheckResult(string Profile, IReadOnlyList<Characteristic> Characteristics, IReadOnlyList<DocumentResult> Documents)
{
    public IEnumerable<Diagnostic> AllDiagnostics => Documents.SelectMany(d => d.AllDiagnostics);

    /// <summary>Reported problems: not suppressed, not baselined, severity above none.</summary>
    public IEnumerable<Diagnostic> Reported => AllDiagnostics.Where(d => !d.IsSuppressed && d.Severity != Severity.None);

    public int Baselined { get; init; }
    public int BaselineFixed { get; init; }

    /// <summary>Exit code of a check: 1 when a reported finding has severity error or a proposal is below min-score.</summary>
    public bool Fails => Reported.Any(d => d.Severity == Severity.Error) || Documents.Any(d => d.BelowMinScore.Count > 0);
}
