using System.Text.RegularExpressions;

namespace Wgec.Analysis;

/// <summary>Splits a proposal's (masked) text into tokens, sentences and lists. Cheap and deterministic.</summary>
public static partial class Segmenter
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.&/\-][\p{L}\p{N}]+)*")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^\s*(?:[-•*]|\d{1,2}(?:\.\d{1,2})?[.)]|\(?[a-z]\)|\(?[ivx]{1,5}\))\s+\S")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[.!?][""”’)\]]*(?=\s+[""“(]?[\p{Lu}\p{N}])")]
    private static partial Regex SentenceEnd();

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "para", "paras", "art", "arts", "no", "nos", "u.s", "u.k", "mr", "mrs", "ms", "dr",
        "prof", "em", "st", "vs", "cf", "inc", "ltd", "co", "fig", "vol", "p", "pp", "op", "cit", "al", "res",
    };

    public static bool IsListItem(string line) => ListMarker().IsMatch(line);

    public static (Token[] Tokens, Sentence[] Sentences, List<ListBlock> Lists) Segment(string text)
    {
        var breaks = SentenceBreaks(text);
        var rawTokens = TokenPattern().Matches(text);
        var tokens = new Token[rawTokens.Count];
        var sentences = new List<Sentence>();
        var b = 0;
        var sentenceStart = -1;
        var sentenceEnd = 0;
        var firstToken = 0;
        for (var i = 0; i < rawTokens.Count; i++)
        {
            var m = rawTokens[i];
            if (sentenceStart < 0) { sentenceStart = m.Index; firstToken = i; }
            while (b < breaks.Count && breaks[b] <= m.Index)
            {
                if (i > firstToken)
                {
                    sentences.Add(new Sentence(sentences.Count, sentenceStart, sentenceEnd, firstToken, i - 1));
                    sentenceStart = m.Index;
                    firstToken = i;
                }
                b++;
            }
            tokens[i] = new Token(m.Index, m.Index + m.Length, sentences.Count);
            sentenceEnd = EndOfSentence(text, m.Index + m.Length);
        }
        if (sentenceStart >= 0 && tokens.Length > firstToken)
            sentences.Add(new Sentence(sentences.Count, sentenceStart, sentenceEnd, firstToken, tokens.Length - 1));
        return (tokens, sentences.ToArray(), FindLists(text));
    }

    /// <summary>Include closing punctuation right after the last token.</summary>
    private static int EndOfSentence(string text, int end)
    {
        while (end < text.Length && text[end] is '.' or '!' or '?' or ')' or '"' or '”' or '’' or ';' or ':') end++;
        return end;
    }

    private static List<int> SentenceBreaks(string text)
    {
        var breaks = new List<int>();
        var lineStart = 0;
        var blankBefore = false;
        var previousEndedWithColon = false;
        var previousEndedSentence = false;
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var line = text[lineStart..lineEnd];
            if (string.IsNullOrWhiteSpace(line))
            {
                blankBefore = true;
            }
            else
            {
                var trimmed = line.TrimStart();
                var startsLower = char.IsLower(trimmed[0]);
                var startsSentence = char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]) || trimmed[0] is '"' or '“' or '(';
                if (IsListItem(line) || previousEndedWithColon || (blankBefore && !startsLower) || (previousEndedSentence && startsSentence))
                    breaks.Add(lineStart);
                foreach (Match m in SentenceEnd().Matches(line))
                {
                    if (!IsAbbreviation(line, m.Index)) breaks.Add(lineStart + m.Index + m.Length);
                }
                previousEndedWithColon = line.TrimEnd().EndsWith(':');
                var end = line.TrimEnd().TrimEnd('"', '”', '’', ')');
                previousEndedSentence = end.Length > 0 && end[^1] is '.' or '!' or '?' && !IsAbbreviation(end, end.Length - 1);
                blankBefore = false;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        breaks.Sort();
        return breaks;
    }

    private static bool IsAbbreviation(string line, int periodIndex)
    {
        if (line[periodIndex] != '.') return false;
        var start = periodIndex;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] == '.')) start--;
        var word = line[start..periodIndex];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial
        // "1." or "9.1" opening a line is a list number, not the end of a sentence.
        if (word.Length > 0 && word.All(c => char.IsDigit(c) || c == '.')) return line[..start].Trim().Trim('-', '•', '*', '(').Length == 0;
        return Abbreviations.Contains(word);
    }

    private static List<ListBlock> FindLists(string text)
    {
        var lists = new List<ListBlock>();
        var counts = new List<int>();
        int blockStart = -1, blockEnd = -1;
        var blankBefore = false;
        var lineStart = 0;
        void Flush()
        {
            if (counts.Count > 0) lists.Add(new ListBlock(blockStart, blockEnd, counts.ToArray()));
            counts.Clear();
            blockStart = -1;
        }
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var line = text[lineStart..lineEnd];
            if (string.IsNullOrWhiteSpace(line)) blankBefore = true;
            else
            {
                var words = TokenPattern().Matches(line).Count;
                if (IsListItem(line))
                {
                    if (blockStart < 0) blockStart = lineStart + (line.Length - line.TrimStart().Length);
                    counts.Add(Math.Max(0, words - 1)); // the marker is not a word of the item
                    blockEnd = lineStart + line.TrimEnd().Length;
                }
                else if (counts.Count > 0 && (!blankBefore || char.IsLower(line.TrimStart()[0])))
                {
                    counts[^1] += words;
                    blockEnd = lineStart + line.TrimEnd().Length;
                }
                else Flush();
                blankBefore = false;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        Flush();
        return lists;
    }
}
