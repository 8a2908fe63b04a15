using Wgec.Model;

namespace Wgec.Analysis;

/// <summary>Everything computed once per proposal and shared by all rules: tokens, sentences, lists, entities, lexicon hits.</summary>
public sealed class ProposalAnalysis
{
    private readonly Dictionary<string, List<Hit>> _lexiconHits = new(StringComparer.Ordinal);
    private List<(string Kind, int Start, int End, string Value)>?[]? _entities;

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

    /// <summary>
    /// Drops what was computed for the rules (lexicon hits, entities, clauses) once the proposal is checked: a
    /// document of 20,000 proposals would otherwise hold all of it until the last one is done.
    /// </summary>
    public void ReleaseRuleData()
    {
        _lexiconHits.Clear();
        _entities = null;
        _clauses = null;
    }

    /// <summary>Cross-proposal facts set by the document-level pass (e.g. near-duplicates).</summary>
    public Dictionary<string, List<Hit>> Similar { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Hit> LexiconHits(Lexicon lexicon)
    {
        if (_lexiconHits.TryGetValue(lexicon.Name, out var hits)) return hits;
        hits = [];
        foreach (System.Text.RegularExpressions.Match m in lexicon.PatternFor(LongRun).Matches(Text))
            if (m.Length > 0) hits.Add(new Hit(m.Index, m.Index + m.Length, lexicon.LabelOf(m.Value)));
        _lexiconHits[lexicon.Name] = hits;
        return hits;
    }

    /// <summary>
    /// Which recognizer models a sentence needs (set by the checker from the rules: a model runs only where some
    /// rule could use its entities). Null means every model everywhere.
    /// </summary>
    public Func<int, EntityModels>? EntityDemand { get; set; }

    /// <summary>Set by the checker when its run is long enough for compiled lexicon patterns to pay off.</summary>
    public bool LongRun { get; init; }

    /// <summary>Recognizer entities of one kind over the whole proposal, sentence by sentence, computed once per sentence.</summary>
    public IEnumerable<(string Kind, int Start, int End, string Value)> EntitiesOf(string kind)
    {
        _entities ??= new List<(string, int, int, string)>?[Sentences.Length];
        var family = EntityRecognizer.ModelsFor(kind);
        for (var i = 0; i < Sentences.Length; i++)
        {
            var models = EntityDemand?.Invoke(i) ?? EntityModels.All;
            if ((models & family) == 0) continue;
            if (_entities[i] is null)
            {
                var s = Sentences[i];
                _entities[i] = [];
                foreach (var (start, end) in RecognizerWindows(Text, s.Start, s.End))
                    _entities[i]!.AddRange(EntityRecognizer.Instance.Recognize(Text[start..end], gated: true, models)
                        .Select(e => (e.Kind, start + e.Start, start + e.End, e.Value)));
            }
            foreach (var e in _entities[i]!)
                if (e.Item1 == kind) yield return e;
        }
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
