using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary><c>entity: kind</c> — a Microsoft.Recognizers.Text entity (number, percentage, ordinal, date, daterange, duration, set, datetime).</summary>
public sealed class EntityLeaf(string kind) : Leaf
{
    public string Kind { get; } = kind;
    public override string Key => "entity:" + Kind;

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (var e in analysis.EntitiesOf(Kind)) yield return new Hit(e.Start, e.End, e.Value);
    }
}
