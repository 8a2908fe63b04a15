using System.Text.RegularExpressions;
using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary><c>pattern: regex</c> — a .NET regular expression, case-insensitive unless it says (?-i).</summary>
public sealed class PatternLeaf(Regex regex, string origin = "") : Leaf
{
    public Regex Regex { get; } = regex;
    /// <summary>The rule file and line that first wrote the pattern (leaves are shared by rules that write it alike).</summary>
    public string Origin { get; } = origin;
    public override string Key => "pattern:" + Regex;
    public override bool WorksInsideClauseRole => true;

    internal static readonly ConditionKind Kind = new("pattern", @"`pattern: '\bmodell?ed\s+on\b'`",
        "a .NET regular expression, case-insensitive (use `(?-i:…)` to opt out)", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var text = c.Yaml.Scalar(node, "pattern");
        try
        {
            // Shared Regex instances let NRules share work between rules; IgnoreCase unless the pattern opts out.
            return new PatternLeaf(new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Analysis.RegexLimits.MatchTimeout),
                $"{c.Yaml.File}({YamlReader.Line(node)})");
        }
        catch (ArgumentException e)
        {
            throw c.Yaml.Error(node, "pattern", $"regular expression does not compile: {e.Message}");
        }
    }

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (Match m in Regex.Matches(analysis.Text))
            if (m.Length > 0) yield return new Hit(m.Index, m.Index + m.Length, m.Value);
    }
}
