using System.Globalization;
using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary>
/// <c>count: {min, distinct, of}</c> — the inner leaf matches at least <see cref="Min"/> times in the proposal
/// (counting different wordings only, when distinct). The hit spans from the first to the last occurrence.
/// </summary>
public sealed class CountLeaf(Leaf inner, int min, bool distinct) : Leaf
{
    public Leaf Inner { get; } = inner;
    public int Min { get; } = min;
    public bool Distinct { get; } = distinct;
    /// <summary>A count of entities needs the recognizers as the entities themselves do (and runs after the checker plans them).</summary>
    public override EntityModels RecognizerModels => Inner.RecognizerModels;
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"count:{Min}:{Distinct}:{Inner.Key}");

    internal static readonly ConditionKind Kind = new("count", "`count: {min: 6, distinct: true, of: {lexicon: policy-topic}}`",
        "the inner leaf at least `min` times (distinct wordings or labels)", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var yaml = c.Yaml;
        var map = yaml.Mapping(node, "count");
        yaml.OnlyKeys(map, "count", "min", "distinct", "of");
        var minNode = yaml.Get(map, "min") ?? throw yaml.Error(node, "count", "'count' needs 'min'");
        var ofNode = yaml.Get(map, "of") ?? throw yaml.Error(node, "count", "'count' needs 'of' (a leaf condition)");
        var inner = c.ParseCondition(ofNode, "of") as LeafCondition
                    ?? throw yaml.Error(ofNode, "of", "'count.of' must be a leaf condition (pattern, lexicon or entity)");
        var distinct = yaml.Get(map, "distinct") is { } d && yaml.Bool(d, "distinct");
        return new CountLeaf(c.Intern(inner.Leaf), yaml.Int(minNode, "min", 1, 1000), distinct);
    }

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        var hits = Inner.Find(analysis).OrderBy(h => h.Start).ToList();
        var kept = Distinct
            ? hits.GroupBy(h => Normalise(h.Detail.Length > 0 ? h.Detail : analysis.Text[h.Start..h.End])).Select(g => g.First()).OrderBy(h => h.Start).ToList()
            : hits;
        if (kept.Count < Min) yield break;
        var words = string.Join(", ", kept.Select(h => Normalise(h.Detail.Length > 0 ? h.Detail : analysis.Text[h.Start..h.End])));
        yield return new Hit(kept[0].Start, kept[^1].End, $"{kept.Count}: {words}");
    }

    private static string Normalise(string s) =>
        string.Join(' ', s.ToLowerInvariant().Split([' ', '\n', '-', '–'], StringSplitOptions.RemoveEmptyEntries));
}
