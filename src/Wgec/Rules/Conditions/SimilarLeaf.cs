using System.Globalization;
using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary>
/// <c>similar: {min-containment, min-words}</c> (document scope) — most of this proposal's word sequences
/// already stand in an earlier proposal of the same document. The hits are computed by
/// <see cref="CrossProposal.NearDuplicateDetector"/> before the rules run, and name the earlier proposal.
/// </summary>
public sealed class SimilarLeaf(double minContainment, int minWords) : Leaf
{
    public double MinContainment { get; } = minContainment;
    public int MinWords { get; } = minWords;
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"similar:{MinContainment}:{MinWords}");
    public override IEnumerable<Hit> Find(ProposalAnalysis analysis) =>
        analysis.Similar.TryGetValue(Key, out var hits) ? hits : [];
}
