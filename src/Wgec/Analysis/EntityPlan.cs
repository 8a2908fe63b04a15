namespace Wgec.Analysis;

/// <summary>
/// Where the recognizers read one proposal: for each model, the [start, end) pieces of text it is given. The
/// checker builds the plan from the rules (a model reads only where some rule could use its entities); a
/// proposal without a plan gives every model every sentence.
/// </summary>
public sealed class EntityPlan
{
    /// <summary>The four models, one bit each, in the order of <see cref="PiecesFor"/>'s lists.</summary>
    public static readonly EntityModels[] Models = [EntityModels.Number, EntityModels.Percentage, EntityModels.Ordinal, EntityModels.DateTime];

    /// <summary>
    /// How many tokens either side of the words a rule pairs an entity with ("within 1 of 'by'") a recognizer
    /// reads, beyond the rule's own distance: enough for a date or quantity to be read whole ("31 December 2030",
    /// "the next five years", "more than 100"), and the reason a long sentence costs the recognizers no more than a
    /// short one. A longer entity is cut at the window's edge, and what remains of it is still found next to the word.
    /// </summary>
    public const int ContextTokens = 5;

    private readonly List<Piece>[] _pieces = [[], [], [], []];
    private readonly bool[] _merged = new bool[4];

    /// <summary>A piece of one sentence, [Start, End) in the proposal text.</summary>
    public readonly record struct Piece(int Sentence, int Start, int End);

    public static EntityPlan Everywhere(ProposalAnalysis analysis)
    {
        var plan = new EntityPlan();
        foreach (var s in analysis.Sentences) plan.Add(EntityModels.All, s.Index, s.Start, s.End);
        return plan;
    }

    public void Add(EntityModels models, int sentence, int start, int end)
    {
        if (end <= start) return;
        for (var i = 0; i < Models.Length; i++)
            if ((models & Models[i]) != 0)
            {
                _pieces[i].Add(new Piece(sentence, start, end));
                _merged[i] = false;
            }
    }

    /// <summary>
    /// Tokens <paramref name="first"/>..<paramref name="last"/> (inclusive) widened by <paramref name="within"/> +
    /// <see cref="ContextTokens"/> either side, cut at sentence ends (the recognizers read one sentence at a time);
    /// <paramref name="wanted"/> says which sentences the rules need.
    /// </summary>
    public void AddAround(EntityModels models, ProposalAnalysis analysis, int first, int last, int within, Func<int, bool> wanted)
    {
        var tokens = analysis.Tokens;
        if (tokens.Length == 0) return;
        var from = Math.Max(0, first - within - ContextTokens);
        var to = Math.Min(tokens.Length - 1, last + within + ContextTokens);
        for (var t = from; t <= to;)
        {
            var sentence = analysis.Sentences[tokens[t].Sentence];
            var end = Math.Min(to, sentence.LastToken);
            if (wanted(sentence.Index)) Add(models, sentence.Index, tokens[t].Start, tokens[end].End);
            t = end + 1;
        }
    }

    /// <summary>The pieces one model reads, in text order, overlapping or touching pieces of a sentence joined.</summary>
    public IReadOnlyList<Piece> PiecesFor(EntityModels model)
    {
        var i = Array.IndexOf(Models, model);
        if (i < 0) throw new ArgumentException($"one model expected, got {model}", nameof(model));
        if (_merged[i]) return _pieces[i];
        var sorted = _pieces[i].OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
        var merged = new List<Piece>(sorted.Count);
        foreach (var p in sorted)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Sentence == p.Sentence && p.Start <= last.End)
                merged[^1] = last with { End = Math.Max(last.End, p.End) };
            else merged.Add(p);
        }
        _pieces[i] = merged;
        _merged[i] = true;
        return merged;
    }
}
