using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary><c>lexicon: class</c> — any term of a lexicon class from rules/lexicons.</summary>
public sealed class LexiconLeaf(Lexicon lexicon) : Leaf
{
    public Lexicon Lexicon { get; } = lexicon;
    public override string Key => "lexicon:" + Lexicon.Name;
    public override IEnumerable<Hit> Find(ProposalAnalysis analysis) => analysis.LexiconHits(Lexicon);
}
