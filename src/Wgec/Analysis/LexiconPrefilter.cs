namespace Wgec.Analysis;

/// <summary>
/// The words a lexicon's pattern can start at. Every term of a lexicon begins with a literal run of ASCII letters
/// or digits ("telecommunication" of "telecommunication*", "cyber" of <c>re:\bcyber\w*</c>), and the pattern only
/// matches where no letter or digit precedes; so it can only match at a word start whose first letters are one of
/// those literals. Trying the pattern only there finds exactly what scanning the whole text finds, at a fraction
/// of the cost: a lexicon of 200 terms otherwise tries its alternatives at every word of every proposal.
/// A lexicon with a term whose start cannot be read this way (<c>re:(?:a|b)…</c>, an optional first letter) has no
/// prefilter and is scanned in full.
/// </summary>
public sealed class LexiconPrefilter
{
    private readonly string[]?[] _literalsByFirst = new string[]?[128];
    private readonly int[]?[] _alternativesByFirst = new int[]?[128];
    private readonly bool _caseSensitive;

    private LexiconPrefilter(List<List<string>> literals, bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        foreach (var group in literals.SelectMany(l => l).Distinct(StringComparer.Ordinal).GroupBy(l => l[0]))
            _literalsByFirst[group.Key] = [.. group.OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal)];
        foreach (var group in literals.SelectMany((l, i) => l.Select(literal => (First: literal[0], Alternative: i))).Distinct().GroupBy(x => x.First))
            _alternativesByFirst[group.Key] = [.. group.Select(x => x.Alternative).Order()];
    }

    /// <summary>
    /// The prefilter of a lexicon's alternatives (regular expressions, each marked plain when it comes from a
    /// phrase rather than a <c>re:</c> term), or null when some alternative's start cannot be read.
    /// </summary>
    public static LexiconPrefilter? For(IReadOnlyList<(string Regex, bool Plain)> alternatives, bool caseSensitive)
    {
        var literals = new List<List<string>>();
        foreach (var (regex, plain) in alternatives)
        {
            var budget = MaxReadingSteps;
            var starts = plain ? [LeadingLiteral(regex, 0)] : Unreadable(regex) ? null : RegexLiterals(regex, ref budget);
            if (starts is null || starts.Count == 0 || starts.Any(string.IsNullOrEmpty)) return null;
            literals.Add(starts.Select(l => caseSensitive ? l : l.ToLowerInvariant()).ToList());
        }
        return literals.Count == 0 ? null : new LexiconPrefilter(literals, caseSensitive);
    }

    /// <summary>The alternatives (indices, in order) that can match at a word whose first character folds to <paramref name="folded"/>.</summary>
    public IReadOnlyList<int> AlternativesStartingWith(char folded) => folded < 128 ? _alternativesByFirst[folded] ?? [] : [];

    /// <summary>Offsets where a word begins: a letter or digit with none just before it.</summary>
    public static int[] WordStarts(string text)
    {
        var starts = new List<int>(text.Length / 5);
        for (var i = 0; i < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))) starts.Add(i);
        return [.. starts];
    }

    /// <summary>
    /// Whether the pattern could match at <paramref name="start"/> (a word start). Conservative: a character
    /// outside ASCII may be a case variant the pattern accepts (the Kelvin sign for 'k'), so it never excludes.
    /// </summary>
    public bool MayMatchAt(string text, int start)
    {
        var first = text[start];
        if (first >= 128) return true;
        if (_literalsByFirst[Fold(first)] is not { } literals) return false;
        foreach (var literal in literals)
            if (StartsWith(text, start, literal)) return true;
        return false;
    }

    private bool StartsWith(string text, int start, string literal)
    {
        if (start + literal.Length > text.Length) return false;
        for (var i = 0; i < literal.Length; i++)
        {
            var c = text[start + i];
            if (c >= 128) continue;
            if ((_caseSensitive ? c : char.ToLowerInvariant(c)) != literal[i]) return false;
        }
        return true;
    }

    /// <summary>An ASCII character as the literals are stored (lower-cased unless the lexicon is case-sensitive).</summary>
    public char Fold(char c) => _caseSensitive ? c : char.ToLowerInvariant(c);

    /// <summary>The run of ASCII letters and digits at <paramref name="at"/> (a plain term's escaped words keep theirs literal).</summary>
    private static string LeadingLiteral(string s, int at)
    {
        var end = at;
        while (end < s.Length && char.IsAsciiLetterOrDigit(s[end])) end++;
        return s[at..end];
    }

    /// <summary>
    /// The literals one of which every match of a <c>re:</c> term starts with, read conservatively, or null when
    /// they cannot be read. Each top-level alternative is read in turn: zero-width parts are skipped (<c>\b</c> and
    /// lookarounds only narrow the matches); a group (<c>(?:…)</c>, <c>(?-i:…)</c>, plain) gives the literals of its
    /// alternatives; a class of letters or digits (<c>[Tt]</c>, <c>[A-Z]</c>) or <c>\d</c> gives each member; a run
    /// of letters and digits gives itself, less a last one that a quantifier makes optional; and anything a
    /// quantifier makes optional adds the literals of what follows it. Anything else (<c>\w</c>, a quote,
    /// an inline option group such as <c>(?i:</c>, a part that can match nothing) gives null.
    /// </summary>
    private static List<string>? RegexLiterals(string regex, ref int budget)
    {
        var literals = new List<string>();
        foreach (var alternative in Alternatives(regex))
        {
            if (SequenceLiterals(alternative, 0, ref budget) is not { } found) return null;
            literals.AddRange(found);
        }
        return literals;
    }

    /// <summary>The literals a match of <paramref name="regex"/> (one alternative) from <paramref name="at"/> starts with.</summary>
    private static List<string>? SequenceLiterals(string regex, int at, ref int budget)
    {
        if (--budget < 0) return null; // an untrusted term of thousands of optional parts: not worth reading
        while (at < regex.Length)
        {
            if (regex.AsSpan(at).StartsWith(@"\b")) at += 2;
            else if (regex.AsSpan(at).StartsWith("(?<!") || regex.AsSpan(at).StartsWith("(?<=")
                || regex.AsSpan(at).StartsWith("(?!") || regex.AsSpan(at).StartsWith("(?="))
            {
                if (Close(regex, at) is not { } close) return null;
                at = close + 1;
            }
            else break;
        }
        if (at >= regex.Length) return null; // the term could match nothing here
        List<string>? first;
        int after;
        if (regex[at] == '(')
        {
            if (Close(regex, at) is not { } close) return null;
            var content = regex.AsSpan(at).StartsWith("(?:") ? regex[(at + 3)..close]
                : regex.AsSpan(at).StartsWith("(?-i:") ? regex[(at + 5)..close]
                : regex[at + 1] != '?' ? regex[(at + 1)..close]
                : null; // (?i:, named and atomic groups, conditionals: not read
            if (content is null) return null;
            first = RegexLiterals(content, ref budget);
            after = close + 1;
        }
        else if (regex[at] == '[')
        {
            var close = regex.IndexOf(']', at + 1);
            if (close < 0) return null;
            first = ClassMembers(regex[(at + 1)..close]);
            after = close + 1;
        }
        else if (regex.AsSpan(at).StartsWith(@"\d"))
        {
            first = ClassMembers("0-9");
            after = at + 2;
        }
        else
        {
            var literal = LeadingLiteral(regex, at);
            if (literal.Length == 0) return null;
            after = at + literal.Length;
            if (!Optional(regex, after)) return [literal];
            if (literal.Length > 1) return [literal[..^1]]; // "abc?" always starts with "ab"
            first = [literal];
        }
        if (first is null) return null;
        if (!Optional(regex, after)) return first;
        // An optional part: a match starts with it or with what follows it.
        if (SequenceLiterals(regex, SkipQuantifier(regex, after), ref budget) is not { } rest) return null;
        return [.. first, .. rest];
    }

    private static int SkipQuantifier(string regex, int at)
    {
        if (regex[at] == '{') at = regex.IndexOf('}', at) is var close and >= 0 ? close + 1 : regex.Length;
        else at++;
        return at < regex.Length && regex[at] is '?' or '+' ? at + 1 : at; // lazy or possessive marker
    }

    /// <summary>The letters and digits of a class such as <c>[Tt]</c> or <c>[A-Z]</c>; null for anything else (negation, escapes).</summary>
    private static List<string>? ClassMembers(string members)
    {
        var found = new List<string>();
        for (var i = 0; i < members.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(members[i])) return null;
            if (i + 2 < members.Length && members[i + 1] == '-')
            {
                if (!char.IsAsciiLetterOrDigit(members[i + 2]) || members[i + 2] < members[i]) return null;
                for (var c = members[i]; c <= members[i + 2]; c++)
                {
                    if (!char.IsAsciiLetterOrDigit(c)) return null; // [A-z] also holds [ \ ] ^ _ `
                    found.Add(c.ToString());
                }
                i += 2;
            }
            else found.Add(members[i].ToString());
        }
        return found.Count == 0 ? null : found;
    }

    /// <summary>How many parts of one term the reader looks at before giving up on it (then: no prefilter).</summary>
    private const int MaxReadingSteps = 500;

    /// <summary>
    /// Terms whose alternatives cannot be tried apart from the others, or whose start the reader could misread:
    /// an inline option without a group (<c>(?i)</c> reaches the alternatives after it), a comment (a
    /// quantifier after it applies to what precedes it), a back-reference or a conditional (group numbers and
    /// names are shared by all alternatives of the whole pattern).
    /// </summary>
    private static bool Unreadable(string regex)
    {
        foreach (var i in Structure(regex))
        {
            if (regex[i] == '\\')
            {
                if (i + 1 < regex.Length && regex[i + 1] is >= '1' and <= '9' or 'k') return true;
                continue;
            }
            if (regex[i] != '(' || i + 1 >= regex.Length || regex[i + 1] != '?') continue;
            if (regex.AsSpan(i).StartsWith("(?#") || regex.AsSpan(i).StartsWith("(?(")) return true;
            var j = i + 2;
            while (j < regex.Length && regex[j] is 'i' or 'm' or 'n' or 's' or 'x' or '-') j++;
            if (j > i + 2 && j < regex.Length && regex[j] == ')') return true;
        }
        return false;
    }

    /// <summary>Whether a quantifier at <paramref name="at"/> lets what precedes it be absent (<c>?</c>, <c>*</c>, <c>{0,…}</c>).</summary>
    private static bool Optional(string regex, int at) => at < regex.Length && (regex[at] is '?' or '*'
        || regex.AsSpan(at).StartsWith("{0") || regex.AsSpan(at).StartsWith("{,"));

    /// <summary>
    /// The offsets of a pattern's structure from <paramref name="from"/>: every character outside character
    /// classes, and the backslash of every escape (the escaped character and a class's other members are skipped),
    /// so that no reader of the pattern mistakes an escaped or class character for a group, a '|' or a reference.
    /// </summary>
    private static IEnumerable<int> Structure(string regex, int from = 0)
    {
        var inClass = false;
        for (var i = from; i < regex.Length; i++)
        {
            var c = regex[i];
            if (c == '\\')
            {
                yield return i;
                i++;
                continue;
            }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            yield return i;
        }
    }

    /// <summary>The index of the ')' closing the group opened at <paramref name="open"/>, or null.</summary>
    private static int? Close(string regex, int open)
    {
        var level = 0;
        foreach (var i in Structure(regex, open))
        {
            if (regex[i] == '(') level++;
            else if (regex[i] == ')' && --level == 0) return i;
        }
        return null;
    }

    /// <summary>The top-level alternatives of a group's content.</summary>
    private static List<string> Alternatives(string content)
    {
        var parts = new List<string>();
        var level = 0;
        var from = 0;
        foreach (var i in Structure(content))
        {
            if (content[i] == '(') level++;
            else if (content[i] == ')') level--;
            else if (content[i] == '|' && level == 0) { parts.Add(content[from..i]); from = i + 1; }
        }
        parts.Add(content[from..]);
        return parts;
    }
}
