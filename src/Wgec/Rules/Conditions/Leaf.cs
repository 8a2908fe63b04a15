using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary>
/// A leaf condition: finds spans in one proposal. Leaves with the same <see cref="Key"/> are the same leaf,
/// evaluated once per proposal however many rules use them (and share one NRules alpha node).
/// </summary>
public abstract class Leaf
{
    public abstract string Key { get; }
    public abstract IEnumerable<Hit> Find(ProposalAnalysis analysis);
    public override string ToString() => Key;
}
