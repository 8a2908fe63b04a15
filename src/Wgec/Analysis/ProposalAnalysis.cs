using Wgec.Model;

namespace Wgec.Analysis;

/// <summary>Everything computed once per proposal and shared by all rules: tokens, sentences, lists, entities, lexicon hits.</summary>
public sealed class ProposalAnalysis
{
    private readonly Dictionary<string, List<Hit>> _lexiconHits = new(StringComparer.Ordinal);
    private List<(string Kind, int Start, int End, string Value)>? _entities;

    public ProposalAnalysis(Proposal proposal)
    {
        Proposal = proposal;
        (Tokens, Sentences, Lists) = Segmenter.Segment(proposal.Text);
    }

    public Proposal Proposal { get; }
    public string Text => Proposal.Text;
    public Token[] Tokens { get; }
    public Sentence[] Sentences { get; }
    public List<ListBlock> Lists { get; }

    /// <summary>Cross-proposal facts set by the document-level pass (e.g. near-duplicates).</summary>
    public Dictionary<string, List<Hit>> Similar { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Hit> LexiconHits(Lexicon lexicon)
    {
        if (_lexiconHits.TryGetValue(lexicon.Name, out var hits)) return hits;
        hits = [];
        foreach (System.Text.RegularExpressions.Match m in lexicon.Pattern.Matches(Text))
            if (m.Length > 0) hits.Add(new Hit(m.Index, m.Index + m.Length, lexicon.LabelOf(m.Value)));
        _lexiconHits[lexicon.Name] = hits;
        return hits;
    }

    /// <summary>Recognizer entities of the whole proposal, sentence by sentence (gated, see <see cref="EntityRecognizer"/>).</summary>
    public IReadOnlyList<(string Kind, int Start, int End, string Value)> Entities
    {
        get
        {
            if (_entities is not null) return _entities;
            _entities = [];
            foreach (var s in Sentences)
            {
                var text = Text[s.Start..s.End];
                foreach (var e in EntityRecognizer.Instance.Recognize(text))
                    _entities.Add((e.Kind, s.Start + e.Start, s.Start + e.End, e.Value));
            }
            return _entities;
        }
    }

    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length - 1, found = Tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].End > offset) { found = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return Math.Max(0, found);
    }

    public int LastTokenBefore(int offset)
    {
        int lo = 0, hi = Tokens.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].Start < offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    public int SentenceAt(int offset)
    {
        if (Tokens.Length == 0) return 0;
        return Tokens[TokenAt(offset)].Sentence;
    }
}
