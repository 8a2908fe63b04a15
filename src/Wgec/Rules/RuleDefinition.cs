using Wgec.Rules.Conditions;

namespace Wgec.Rules;

public enum Polarity { Meets, Violates }

public enum Severity { None, Info, Warning, Error }

public enum RuleScope { Sentence, Proposal, Document }

/// <summary>A text edit a rule offers: the highlighted words replaced by <see cref="Replacement"/>.
/// Safe fixes may be applied automatically; the others are shown as suggestions only.</summary>
public sealed record RuleFix(string Replacement, bool Safe, string Description);

public sealed record RuleExample(string Text, int Line);

/// <summary>A rule as written in one YAML file under rules/.</summary>
public sealed class RuleDefinition
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
    public required RuleScope Scope { get; init; }
    public required Condition Condition { get; init; }
    public RuleFix? Fix { get; init; }
    public required IReadOnlyList<RuleExample> Triggers { get; init; }
    public required IReadOnlyList<RuleExample> Ignores { get; init; }
    public required string File { get; init; }
    /// <summary>The rule file as it was read (absolute or as given), for errors found after loading.</summary>
    public string? SourcePath { get; init; }
    public int Line { get; init; } = 1;

    public string HelpUri => $"docs/rules/{Id}.md";

    public string PolarityName => Polarity == Polarity.Meets ? "meets" : "violates";
}

public static class SeverityNames
{
    public static string Name(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text)
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": severity = Severity.Info; return true;
            case "none": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
