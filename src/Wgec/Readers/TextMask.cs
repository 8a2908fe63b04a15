using System.Text;
using System.Text.RegularExpressions;

namespace Wgec.Readers;

/// <summary>
/// Builds the analysable text of a source range: same length as the range, with everything that is not
/// prose (footnote lines, table rules, markup, struck-out words, comments) replaced by spaces. Keeping the
/// length means every offset found by analysis maps back to the file by a plain addition.
/// </summary>
public static partial class TextMask
{
    [GeneratedRegex(@"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s|\d{1,2}\s+<?https?://)")]
    private static partial Regex FootnoteLine();

    [GeneratedRegex(@"^[\s|]*-{3,}[\s\-|]*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"~~.*?~~|<!--.*?-->|</?[A-Za-z][^<>]*>|\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|[¹²³⁴⁵⁶⁷⁸⁹⁰•]|\]\([^)]*\)|\[(?=[^\]]*\]\()", RegexOptions.Singleline)]
    private static partial Regex InlineNoise();

    /// <summary>True for whole lines that never carry proposal prose.</summary>
    public static bool IsNoiseLine(string line) =>
        FootnoteLine().IsMatch(line) || TableRule().IsMatch(line) || DateLine().IsMatch(line);

    public static bool IsFootnoteLine(string line) => FootnoteLine().IsMatch(line);

    public static string Mask(string source, int start, int end)
    {
        var sb = new StringBuilder(source, start, end - start, end - start);
        var lineStart = 0;
        for (var i = 0; i <= sb.Length; i++)
        {
            if (i == sb.Length || sb[i] == '\n')
            {
                var line = sb.ToString(lineStart, i - lineStart);
                if (IsNoiseLine(line)) Blank(sb, lineStart, i);
                lineStart = i + 1;
            }
        }
        var text = sb.ToString();
        foreach (Match m in InlineNoise().Matches(text)) Blank(sb, m.Index, m.Index + m.Length);
        for (var i = 0; i < sb.Length; i++) if (sb[i] == '\r' || sb[i] == '\t') sb[i] = ' ';
        return sb.ToString();
    }

    private static void Blank(StringBuilder sb, int from, int to)
    {
        for (var i = from; i < to; i++) if (sb[i] != '\n') sb[i] = ' ';
    }
}
