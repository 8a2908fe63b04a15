using System.Text.RegularExpressions;

namespace Wgec.Model;

/// <summary>
/// The one whitespace normaliser: a finding's words, a quoted phrase on one line and the wording compared by
/// fingerprints and diffs all read white space alike — any run of spaces, tabs, line breaks or other Unicode
/// white space (a no-break space from a word processor) is one space, and the ends are trimmed.
/// </summary>
public static partial class Whitespace
{
    public static string Collapse(string text) => Runs().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
