using System.Text.RegularExpressions;

namespace Wgec.Readers;

/// <summary>Glob patterns with '*' (within a folder), '**' (any folders) and '?', on '/'-separated paths.</summary>
public static class Glob
{
    public static Regex ToRegex(string pattern) =>
        new("^" + Regex.Escape(pattern.Replace('\\', '/'))
            .Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$",
            RegexOptions.CultureInvariant);

    public static bool IsMatch(string pattern, string relativePath) => ToRegex(pattern).IsMatch(relativePath.Replace('\\', '/'));
}
