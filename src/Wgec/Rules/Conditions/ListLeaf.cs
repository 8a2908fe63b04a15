using System.Globalization;
using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary><c>list: {min-items, max-mean-words}</c> — a run of list items that is long and made of short items (a "shopping list").</summary>
public sealed class ListLeaf(int minItems, double maxMeanWords) : Leaf
{
    public int MinItems { get; } = minItems;
    public double MaxMeanWords { get; } = maxMeanWords;
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"list:{MinItems}:{MaxMeanWords}");

    internal static readonly ConditionKind Kind = new("list", "`list: {min-items: 5, max-mean-words: 12}`",
        "a run of bullet/numbered items, long and made of short items", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var yaml = c.Yaml;
        var map = yaml.Mapping(node, "list");
        yaml.OnlyKeys(map, "list", "min-items", "max-mean-words");
        var min = yaml.Get(map, "min-items") is { } m ? yaml.Int(m, "min-items", 2, 1000) : 5;
        var max = yaml.Get(map, "max-mean-words") is { } w ? yaml.Number(w, "max-mean-words", 1, 1000) : 12;
        return new ListLeaf(min, max);
    }

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (var list in analysis.Lists)
            if (list.Items >= MinItems && list.MeanWords <= MaxMeanWords)
                yield return new Hit(list.Start, list.End,
                    string.Create(CultureInfo.InvariantCulture, $"{list.Items} items of {list.MeanWords:0.#} words on average"));
    }
}
