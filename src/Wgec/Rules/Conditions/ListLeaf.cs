using System.Globalization;
using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary><c>list: {min-items, max-mean-words}</c> — a run of list items that is long and made of short items (a "shopping list").</summary>
public sealed class ListLeaf(int minItems, double maxMeanWords) : Leaf
{
    public int MinItems { get; } = minItems;
    public double MaxMeanWords { get; } = maxMeanWords;
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"list:{MinItems}:{MaxMeanWords}");

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (var list in analysis.Lists)
            if (list.Items >= MinItems && list.MeanWords <= MaxMeanWords)
                yield return new Hit(list.Start, list.End,
                    string.Create(CultureInfo.InvariantCulture, $"{list.Items} items of {list.MeanWords:0.#} words on average"));
    }
}
