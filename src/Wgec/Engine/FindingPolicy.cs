using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>
/// What happens to a finding once a rule has fired (Roslyn's driver does the same for analyzers): its severity
/// is configuration's, else the rule's default, and severity none drops it; then an in-source comment or the
/// baseline may accept it, which keeps it visible (JSON, SARIF) but not reported. Applied the same way to
/// proposal findings and to the tool's own findings about a document, so the checker only runs rules.
/// </summary>
public sealed class FindingPolicy(
    Func<RuleDescriptor, Severity> severity,
    IReadOnlyList<SuppressionComment> comments,
    IReadOnlySet<string>? baseline)
{
    /// <summary>The finding as reported, or null when configuration switches its rule off. Needs the finding's
    /// fingerprint (the baseline's key) to be assigned.</summary>
    public Diagnostic? Apply(Diagnostic finding)
    {
        var level = severity(finding.Rule);
        if (level == Severity.None) return null;
        var item = finding with { Severity = level };
        // A comment cannot accept the tool's findings about comments or about the check: it would hide itself.
        if (finding.Characteristic != BuiltInRules.Characteristic && comments.FirstOrDefault(c => c.Covers(item)) is { } comment)
        {
            comment.Used = true;
            return item with { Suppression = new Suppression(SuppressionKind.InSource, comment.Reason ?? "") };
        }
        if (baseline is not null && baseline.Contains(item.Fingerprint))
            return item with { Suppression = new Suppression(SuppressionKind.Baseline, "in the baseline") };
        return item;
    }
}
