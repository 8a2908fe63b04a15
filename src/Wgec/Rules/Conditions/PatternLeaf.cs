using System.Text.RegularExpressions;
using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary><c>pattern: regex</c> — a .NET regular expression, case-insensitive unless it says (?-i).</summary>
public sealed class PatternLeaf(Regex regex) : Leaf
{
    public Regex Regex { get; } = regex;
    public override string Key => "pattern:" + Regex;

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (Match m in Regex.Matches(analysis.Text))
            if (m.Length > 0) yield return new Hit(m.Index, m.Index + m.Length, m.Value);
    }
}
