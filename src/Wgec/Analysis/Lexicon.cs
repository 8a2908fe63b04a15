using System.Text;
using System.Text.RegularExpressions;

namespace Wgec.Analysis;

/// <summary>
/// A named class of words and phrases (stakeholder groups, developing-country terms, …) loaded from
/// rules/lexicons. Terms are phrases matched on word boundaries, case-insensitively unless the class says
/// otherwise; spaces and hyphens between words are interchangeable; a trailing '*' matches any word ending;
/// a term written "re: …" is a regular expression.
/// </summary>
public sealed class Lexicon
{
    public Lexicon(string name, string description, IReadOnlyList<string> terms, bool caseSensitive, string file, int line)
    {
        Name = name;
        Description = description;
        Terms = terms;
        CaseSensitive = caseSensitive;
        File = file;
        Line = line;
        var options = RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        // Longest alternatives first, so "least developed countries" wins over "developed".
        _alternatives = terms.Select(t => SplitLabel(t).Phrase)
            .Select(t => (Regex: TermToRegex(t), Plain: !t.StartsWith("re:", StringComparison.Ordinal)))
            .OrderByDescending(a => a.Regex.Length).ThenBy(a => a.Regex, StringComparer.Ordinal).ToList();
        Pattern = new Regex(Wrap(_alternatives.Select(a => a.Regex)), options, RegexLimits.MatchTimeout);
        _options = options;
        _prefilter = LexiconPrefilter.For(_alternatives, caseSensitive);
        // With a prefilter the pattern is tried at candidate word starts only, anchored there by \G.
        _runner = _prefilter is null ? Pattern : new Regex(@"\G" + Pattern, options, RegexLimits.MatchTimeout);
        _labels = terms.Select(SplitLabel).Where(t => t.Label is not null)
            .Select(t => (new Regex("^(?:" + TermToRegex(t.Phrase) + ")$", options, RegexLimits.MatchTimeout), t.Label!)).ToList();
    }

    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<string> Terms { get; }
    public bool CaseSensitive { get; }
    public string File { get; }
    public int Line { get; }
    public Regex Pattern { get; }

    private readonly RegexOptions _options;
    private readonly List<(string Regex, bool Plain)> _alternatives;
    private readonly LexiconPrefilter? _prefilter;
    private readonly Regex _runner;
    private readonly Regex?[] _buckets = new Regex?[128];
    private readonly Regex?[] _compiledBuckets = new Regex?[128];
    private Task<Regex>? _compiled;

    /// <summary>Whether this lexicon's pattern is tried only at the word starts its terms can begin at.</summary>
    public bool Prefiltered => _prefilter is not null;

    /// <summary>Whether a pattern (from a time-out) is this lexicon's.</summary>
    public bool Owns(string pattern) => pattern == Pattern.ToString() || pattern == _runner.ToString()
        || _buckets.Concat(_compiledBuckets).Any(b => b?.ToString() == pattern);

    /// <summary>
    /// The lexicon's matches in <paramref name="text"/>, as <see cref="Regex.Matches(string)"/> of <see cref="Pattern"/>
    /// gives them (leftmost, not overlapping, empty matches dropped), each with its label.
    /// </summary>
    /// <param name="wordStarts">The text's word starts (<see cref="LexiconPrefilter.WordStarts"/>), shared by all lexicons of a proposal.</param>
    public List<Hit> Find(string text, int[] wordStarts, bool longRun = false)
    {
        var hits = new List<Hit>();
        if (_prefilter is null)
        {
            foreach (Match m in PatternFor(longRun).Matches(text))
                if (m.Length > 0) hits.Add(new Hit(m.Index, m.Index + m.Length, LabelOf(m.Value)));
            return hits;
        }
        var next = 0;
        foreach (var start in wordStarts)
        {
            if (start < next || !_prefilter.MayMatchAt(text, start)) continue;
            var first = text[start];
            // A word starting outside ASCII is rare: the whole (anchored) pattern, compiled only if ever needed.
            var m = (first < 128 ? BucketFor(_prefilter.Fold(first), longRun) : PatternFor(longRun)).Match(text, start);
            if (!m.Success || m.Length == 0) continue;
            hits.Add(new Hit(m.Index, m.Index + m.Length, LabelOf(m.Value)));
            next = m.Index + m.Length;
        }
        return hits;
    }

    public List<Hit> Find(string text) => Find(text, LexiconPrefilter.WordStarts(text));

    /// <summary>
    /// The pattern <see cref="Find(string, int[], bool)"/> runs where no first-letter pattern applies — for a
    /// prefiltered lexicon anchored by \G, so only <c>Match(text, start)</c> at a word start means anything: interpreted for a short run (compiling ~50 patterns to IL would cost it more than it
    /// saves); in a long run (<paramref name="longRun"/>, the checker's decision) a compiled copy is built in the
    /// background, once per lexicon, and used as soon as it is ready. Both give the same matches.
    /// </summary>
    public Regex PatternFor(bool longRun)
    {
        if (!longRun) return _runner;
        var task = _compiled;
        if (task is null)
        {
            var started = new Task<Regex>(() => new Regex(_runner.ToString(), _options | RegexOptions.Compiled, RegexLimits.MatchTimeout));
            if (Interlocked.CompareExchange(ref _compiled, started, null) is null) started.Start();
            return _runner;
        }
        return task.IsCompletedSuccessfully ? task.Result : _runner;
    }

    private readonly List<(Regex Term, string Label)> _labels;

    /// <summary>A term written "phrase => label" reports its label (e.g. several wordings of one stakeholder group).</summary>
    public string LabelOf(string matched)
    {
        foreach (var (term, label) in _labels)
            if (term.IsMatch(matched)) return label;
        return matched;
    }

    private static (string Phrase, string? Label) SplitLabel(string term)
    {
        if (term.StartsWith("re:", StringComparison.Ordinal))
        {
            var arrow = term.LastIndexOf(" => ", StringComparison.Ordinal);
            return arrow < 0 ? (term, null) : (term[..arrow], term[(arrow + 4)..].Trim());
        }
        var i = term.IndexOf("=>", StringComparison.Ordinal);
        return i < 0 ? (term, null) : (term[..i].Trim(), term[(i + 2)..].Trim());
    }

    public static string TermToRegex(string term)
    {
        if (term.StartsWith("re:", StringComparison.Ordinal)) return term[3..].Trim();
        var words = term.Trim().Split([' ', '-', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0) sb.Append(@"[\s\-–]+");
            var w = words[i];
            var wildcard = w.EndsWith('*');
            if (wildcard) w = w[..^1];
            sb.Append(Regex.Escape(w).Replace("'", "['’]"));
            if (wildcard) sb.Append(@"[\p{L}\p{N}\-]*");
        }
        return sb.ToString();
    }

    private static string Wrap(IEnumerable<string> alternatives) =>
        @"(?<![\p{L}\p{N}])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])";

    /// <summary>
    /// The pattern for a word starting with <paramref name="first"/> (ASCII, folded): only the alternatives that can
    /// start with that letter, in the pattern's order, so the same alternative wins. Built on first use, compiled
    /// in a long run (a bucket is small: compiling all of them costs about as much as compiling one full pattern).
    /// </summary>
    private Regex BucketFor(char first, bool longRun)
    {
        var buckets = longRun ? _compiledBuckets : _buckets;
        if (buckets[first] is { } built) return built;
        var alternatives = _prefilter!.AlternativesStartingWith(first).Select(i => _alternatives[i].Regex);
        var bucket = new Regex(@"\G" + Wrap(alternatives), _options | (longRun ? RegexOptions.Compiled : RegexOptions.None), RegexLimits.MatchTimeout);
        return Interlocked.CompareExchange(ref buckets[first], bucket, null) ?? bucket;
    }
}

/// <summary>
/// Patterns from rule files and lexicons are untrusted (a rule pack may hold "(a+)+$", which backtracks for
/// ever on "aaa…ab"): every one runs under this time-out per match, and running past it is a located error
/// naming the pattern's file and the proposal, never a hang. The time-out is wall-clock time, so it is
/// generous: the slowest built-in pattern takes well under a millisecond on a long proposal, but a thread of a
/// loaded machine (a test run of many processes on two cores) can wait seconds for its turn.
/// </summary>
public static class RegexLimits
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);
}
