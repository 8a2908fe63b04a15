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
        var phrases = terms.Select(t => SplitLabel(t).Phrase).ToList();
        Pattern = new Regex(BuildPattern(phrases), options, RegexLimits.MatchTimeout);
        _options = options;
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
    private Task<Regex>? _compiled;

    /// <summary>
    /// The pattern to run: interpreted for a short run (compiling ~50 patterns to IL would cost it more than it
    /// saves); in a long run (<paramref name="longRun"/>, the checker's decision) a compiled copy is built in the
    /// background, once per lexicon, and used as soon as it is ready. Both give the same matches.
    /// </summary>
    public Regex PatternFor(bool longRun)
    {
        if (!longRun) return Pattern;
        var task = _compiled;
        if (task is null)
        {
            var started = new Task<Regex>(() => new Regex(Pattern.ToString(), _options | RegexOptions.Compiled, RegexLimits.MatchTimeout));
            if (Interlocked.CompareExchange(ref _compiled, started, null) is null) started.Start();
            return Pattern;
        }
        return task.IsCompletedSuccessfully ? task.Result : Pattern;
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

    private static string BuildPattern(IEnumerable<string> terms)
    {
        // Longest alternatives first, so "least developed countries" wins over "developed".
        var alternatives = terms.Select(TermToRegex).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal);
        return @"(?<![\p{L}\p{N}])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])";
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
