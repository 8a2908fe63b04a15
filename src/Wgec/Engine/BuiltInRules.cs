using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>Diagnostics about the checking itself (like a compiler's own warnings), not about a characteristic.</summary>
public static class BuiltInRules
{
    public const string Characteristic = "WGEC";

    public static readonly RuleDescriptor UnusedSuppression = Make("WGEC0001", "Suppression suppresses nothing",
        "the wgec-disable comment suppresses no finding; remove it",
        "A suppression that matches no finding hides nothing today and could hide a real finding tomorrow.");

    public static readonly RuleDescriptor SuppressionWithoutReason = Make("WGEC0002", "Suppression without a reason",
        "the wgec-disable comment gives no reason=\"…\"; say why the finding is accepted",
        "Every accepted finding needs a recorded reason, so that reviewers can judge it.");

    public static readonly RuleDescriptor ProposalTooLong = Make("WGEC0003", "Proposal too long to check whole",
        "the proposal is {detail} characters long; only its first {limit} characters were checked",
        "Work grows with a proposal's length; one longer than any real recommendation (a whole document without headings, say) is checked up to a limit so that the check ends. Split it into proposals with headings.");

    public static readonly RuleDescriptor MalformedSuppression = Make("WGEC0004", "Suppression comment not understood",
        "this looks like a wgec suppression but suppresses nothing: {detail}",
        "A suppression written slightly wrong (a lower-case id, a characteristic code, single quotes) would otherwise be silently ignored, and the finding it was meant to accept would stay without anyone knowing why.");

    /// <summary>A gate, not a finding of the text: the proposal's score is below wgec.yaml's min-score (SARIF and editors show it as one).</summary>
    public static readonly RuleDescriptor BelowMinScore = Make("WGEC0005", "Proposal below the minimum score",
        "proposal {detail}",
        "The drafting repository's wgec.yaml sets min-score; a proposal scoring below it fails the gate whatever its findings' severities.", Severity.Error);

    public static readonly IReadOnlyList<RuleDescriptor> All = [UnusedSuppression, SuppressionWithoutReason, ProposalTooLong, MalformedSuppression, BelowMinScore];

    /// <summary>The gate's finding for a proposal below min-score, on its heading (or first line).</summary>
    public static Diagnostic BelowMinScoreFinding(ProposalResult p, double minScore)
    {
        var proposal = p.Proposal;
        var source = proposal.Source;
        var line = proposal.HeadingLine ?? source.LineIndexOf(proposal.Start);
        var (start, end) = (source.LineStart(line), source.LineEnd(line));
        var message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"proposal {proposal.Id} scores {p.Score:0.0}, below the minimum of {minScore:0.0}");
        return new Diagnostic(BelowMinScore, Severity.Error, message, source.Text[start..end], start, end, source.LocationOf(start, end), []) { ProposalId = proposal.Id };
    }

    private static RuleDescriptor Make(string id, string title, string message, string help, Severity severity = Severity.Warning) => new()
    {
        Id = id, Characteristic = Characteristic, Polarity = Polarity.Violates, DefaultSeverity = severity,
        Title = title, Message = message, Help = help, Source = "the tool itself", File = "(built in)",
    };
}
