namespace Wgec.Rules;

/// <summary>
/// What a rule reports, apart from when it fires (as Roslyn keeps a <c>DiagnosticDescriptor</c> apart from its
/// analyzer): identity, characteristic and polarity, default severity, the texts a reader sees, and the edit it
/// offers. A finding points at its descriptor; the tool's own findings (<c>Engine.BuiltInRules</c>) are
/// descriptors with no condition at all.
/// </summary>
public sealed record RuleDescriptor
{
    public required string Id { get; init; }
    public required string Characteristic { get; init; }
    public required Polarity Polarity { get; init; }
    public required Severity DefaultSeverity { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required string Help { get; init; }
    /// <summary>How to rewrite the text when the rule fires (optional; the rule page falls back to the message).</summary>
    public string? HowToFix { get; init; }
    public required string Source { get; init; }
    public RuleFix? Fix { get; init; }
    /// <summary>Where the rule was defined, as shown to users (<c>rules/GEN/WGEC0101.yaml</c>, or "(built in)").</summary>
    public required string File { get; init; }
    /// <summary>The rule file as it was read (absolute or as given), for errors found after loading.</summary>
    public string? SourcePath { get; init; }
    public int Line { get; init; } = 1;

    public string HelpUri => $"docs/rules/{Id}.md";

    public string PolarityName => Polarity == Polarity.Meets ? "meets" : "violates";
}
