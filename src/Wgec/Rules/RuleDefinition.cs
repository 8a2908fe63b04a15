using Wgec.Rules.Conditions;

namespace Wgec.Rules;

public enum Polarity { Meets, Violates }

public enum Severity { None, Info, Warning, Error }

public enum RuleScope { Sentence, Proposal, Document }

/// <summary>A text edit a rule offers: the highlighted words replaced by <see cref="Replacement"/>.
/// Safe fixes may be applied automatically; the others are shown as suggestions only.</summary>
public sealed record RuleFix(string Replacement, bool Safe, string Description);

/// <summary>
/// One example of a rule file, a test of what the rule promises. <see cref="Text"/> is as written, with each
/// span a trigger must fire on marked <c>[|like this|]</c>; <see cref="Plain"/> is the text the rule is run on
/// and <see cref="Spans"/> the marked spans in it. A trigger may also give a fragment its message must contain
/// and, for a rule with a fix, the text after the fix.
/// </summary>
public sealed record RuleExample(string Text, int Line)
{
    public string Plain { get; init; } = Text;
    public IReadOnlyList<(int Start, int End)> Spans { get; init; } = [];
    public string? Message { get; init; }
    public string? Fixed { get; init; }

    /// <summary>The example with its marks read, or the problem with them (unbalanced, nested or empty marks).</summary>
    public static (RuleExample? Example, string? Problem) Marked(string text, int line)
    {
        var plain = new System.Text.StringBuilder();
        var spans = new List<(int, int)>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, "[|", 0, 2) == 0)
            {
                if (open is not null) return (null, "a '[|' opens a span inside another; close it with '|]' first");
                open = plain.Length;
                i++;
            }
            else if (string.CompareOrdinal(text, i, "|]", 0, 2) == 0)
            {
                if (open is not { } start) return (null, "a '|]' closes no span; open it with '[|'");
                if (plain.Length == start) return (null, "an empty span '[||]' marks no words");
                spans.Add((start, plain.Length));
                open = null;
                i++;
            }
            else plain.Append(text[i]);
        }
        if (open is not null) return (null, "a '[|' is never closed with '|]'");
        return (new RuleExample(text, line) { Plain = plain.ToString(), Spans = spans }, null);
    }
}

/// <summary>A rule as written in one YAML file under rules/: its descriptor (what it reports) and its condition
/// (when it fires), with the examples that test both.</summary>
public sealed class RuleDefinition
{
    public required RuleDescriptor Descriptor { get; init; }
    public required RuleScope Scope { get; init; }
    public required Condition Condition { get; init; }
    public required IReadOnlyList<RuleExample> Triggers { get; init; }
    public required IReadOnlyList<RuleExample> Ignores { get; init; }

    // The descriptor's fields, read through the rule for brevity where a rule is at hand.
    public string Id => Descriptor.Id;
    public string Characteristic => Descriptor.Characteristic;
    public Polarity Polarity => Descriptor.Polarity;
    public Severity DefaultSeverity => Descriptor.DefaultSeverity;
    public string Title => Descriptor.Title;
    public string Message => Descriptor.Message;
    public string Help => Descriptor.Help;
    public string? HowToFix => Descriptor.HowToFix;
    public string Source => Descriptor.Source;
    public RuleFix? Fix => Descriptor.Fix;
    public string File => Descriptor.File;
    public string? SourcePath => Descriptor.SourcePath;
    public int Line => Descriptor.Line;
    public string HelpUri => Descriptor.HelpUri;
    public string PolarityName => Descriptor.PolarityName;
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
