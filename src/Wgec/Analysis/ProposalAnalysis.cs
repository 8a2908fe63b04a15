using Wgec.Model;

namespace Wgec.Analysis;

/// <summary>Everything computed once per proposal and shared by all rules: tokens, sentences, lists, entities, lexicon hits.</summary>
public sealed class ProposalAnalysis
{
    private readonly Dictionary<string, List<Hit>> _lexiconHits = new(StringComparer.Ordinal);
    private readonly List<Entity>?[] _entities = new List<Entity>?[EntityPlan.Models.Length];

    /// <param name="segments">The proposal text's segmentation when already known (an editor's unchanged proposal).</param>
    public ProposalAnalysis(Proposal proposal, (Token[], Sentence[], List<ListBlock>)? segments = null)
    {
        Proposal = proposal;
        (Tokens, Sentences, Lists) = segments ?? Segmenter.Segment(proposal.Text);
    }

    public Proposal Proposal { get; }
    public string Text => Proposal.Text;
    public Token[] Tokens { get; }
    public Sentence[] Sentences { get; }
    public List<ListBlock> Lists { get; }

    private List<Clause>? _clauses;

    /// <summary>The operative clauses (actor, strength, action, object, means), computed on first use.</summary>
    public IReadOnlyList<Clause> Clauses => _clauses ??= ClauseAnalyzer.Analyse(Text, Tokens, Sentences);

    /// <summary>Cross-proposal facts set by the document-level pass (e.g. near-duplicates).</summary>
    public Dictionary<string, List<Hit>> Similar { get; } = new(StringComparer.Ordinal);

    private int[]? _wordStarts;

    public IReadOnlyList<Hit> LexiconHits(Lexicon lexicon)
    {
        if (_lexiconHits.TryGetValue(lexicon.Name, out var hits)) return hits;
        hits = lexicon.Find(Text, _wordStarts ??= LexiconPrefilter.WordStarts(Text), LongRun);
        _lexiconHits[lexicon.Name] = hits;
        return hits;
    }

    /// <summary>
    /// Where the recognizers read this proposal (set by the checker from the rules: a model reads only the words
    /// some rule could pair its entities with). Null means every model reads every sentence.
    /// </summary>
    public EntityPlan? RecognizerPlan { get; set; }

    /// <summary>Set by the checker when its run is long enough for compiled lexicon patterns to pay off.</summary>
    public bool LongRun { get; init; }

    /// <summary>Recognizer entities of one kind over the whole proposal, in text order; each model reads its pieces once.</summary>
    public IEnumerable<Entity> EntitiesOf(string kind)
    {
        var model = EntityRecognizer.ModelsFor(kind);
        var slot = Array.IndexOf(EntityPlan.Models, model);
        var found = _entities[slot];
        if (found is null)
        {
            found = [];
            foreach (var piece in (RecognizerPlan ??= EntityPlan.Everywhere(this)).PiecesFor(model))
                foreach (var (start, end) in RecognizerWindows(Text, piece.Start, piece.End))
                    foreach (var e in EntityRecognizer.Instance.Recognize(Text[start..end], gated: true, model))
                        found.Add(e with { Start = start + e.Start, End = start + e.End });
            _entities[slot] = found;
        }
        return found.Where(e => e.Kind == kind);
    }

    /// <summary>The recognizers' cost grows faster than the length of what they are given: a sentence longer than
    /// any real one (a line with no full stop) is given to them in pieces of at most this many characters.</summary>
    public const int MaxRecognizerInput = 500;

    /// <summary>[start, end) pieces of a sentence for the recognizers, cut at spaces; a normal sentence is one piece.</summary>
    public static IEnumerable<(int Start, int End)> RecognizerWindows(string text, int start, int end)
    {
        while (end - start > MaxRecognizerInput)
        {
            var cut = text.LastIndexOf(' ', start + MaxRecognizerInput, MaxRecognizerInput / 2);
            if (cut <= start) cut = start + MaxRecognizerInput;
            yield return (start, cut);
            start = cut;
        }
        yield return (start, end);
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
