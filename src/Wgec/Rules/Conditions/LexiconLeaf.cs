using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary><c>lexicon: class</c> — any term of a lexicon class from rules/lexicons.</summary>
public sealed class LexiconLeaf(Lexicon lexicon) : Leaf
{
    public Lexicon Lexicon { get; } = lexicon;
    public override string Key => "lexicon:" + Lexicon.Name;
    public override IEnumerable<Hit> Find(ProposalAnalysis analysis) => analysis.LexiconHits(Lexicon);
    public override bool WorksInsideClauseRole => true;

    internal static readonly ConditionKind Kind = new("lexicon", "`lexicon: developing-countries`", "any term of a lexicon class", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var name = c.Yaml.Scalar(node, "lexicon");
        if (!c.Lexicons.TryGetValue(name, out var lexicon))
            throw c.Yaml.Error(node, "lexicon", $"unknown lexicon class '{name}'; known classes are in rules/lexicons (e.g. {string.Join(", ", c.Lexicons.Keys.Order(StringComparer.Ordinal).Take(5))}, …)");
        return new LexiconLeaf(lexicon);
    }
}
