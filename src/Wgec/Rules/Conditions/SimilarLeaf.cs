using System.Globalization;
using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

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
    public override bool NeedsDocument => true;

    internal static readonly ConditionKind Kind = new("similar", "`similar: {min-containment: 0.6, min-words: 8}`",
        "(scope `document`) the proposal restates an earlier proposal of the document", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var yaml = c.Yaml;
        var map = yaml.Mapping(node, "similar");
        yaml.OnlyKeys(map, "similar", "min-containment", "min-words");
        var min = yaml.Get(map, "min-containment") is { } m ? yaml.Number(m, "min-containment", 0.05, 1) : 0.6;
        var words = yaml.Get(map, "min-words") is { } w ? yaml.Int(w, "min-words", 3, 10000) : 8;
        return new SimilarLeaf(min, words);
    }
    public override IEnumerable<Hit> Find(ProposalAnalysis analysis) =>
        analysis.Similar.TryGetValue(Key, out var hits) ? hits : [];
}
