using NRules.RuleModel;

namespace Wgec.Rules;

/// <summary>
/// A working-memory fact: one span of a proposal found by one leaf condition. Reference equality on purpose:
/// NRules compares facts with Equals, and two hits with equal fields must both be insertable.
/// </summary>
public sealed class TextMatch
{
    public required int Leaf { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required int Sentence { get; init; }
    public required int Token { get; init; }
    public required int TokenEnd { get; init; }
    public string Detail { get; init; } = "";
    public string? Related { get; init; }
}

/// <summary>The proposal itself, for rules whose condition has no positive leaf (only 'not').</summary>
public sealed class ProposalFact
{
    public required string Id { get; init; }
}

/// <summary>What a rule's action inserts: which NRules rule fired, on which text facts.</summary>
public sealed class Firing
{
    public required string RuleName { get; init; }
    public required TextMatch[] Matches { get; init; }
}

/// <summary>Helpers called from compiled rule expressions.</summary>
public static class RuleRuntime
{
    /// <summary>True when b is within n tokens of a (after a, when ordered).</summary>
    public static bool Near(TextMatch a, TextMatch b, int n, bool ordered)
    {
        if (ReferenceEquals(a, b)) return false; // two patterns of one leaf must be two different hits
        if (ordered) return b.Token > a.TokenEnd && b.Token - a.TokenEnd <= n;
        var gap = Math.Max(b.Token - a.TokenEnd, a.Token - b.TokenEnd);
        return gap <= n;
    }

    public static void Record(IContext context)
    {
        var matches = context.Match.Facts.Select(f => f.Value).OfType<TextMatch>().ToArray();
        context.Insert(new Firing { RuleName = context.Rule.Name, Matches = matches });
    }
}
