using System.Text.RegularExpressions;
using Wgec.Model;

namespace Wgec.Engine;

/// <summary>
/// In-document suppressions in Markdown comments:
/// <c>&lt;!-- wgec-disable WGEC0101 reason="…" --&gt;</c> … <c>&lt;!-- wgec-enable WGEC0101 --&gt;</c> and
/// <c>&lt;!-- wgec-disable-next-line WGEC0101 reason="…" --&gt;</c>. Without rule ids a comment applies to every rule.
/// </summary>
public sealed partial class SuppressionComment
{
    [GeneratedRegex(@"<!--\s*wgec-(?<kind>disable-next-line|disable|enable)\b(?<ids>(?:[\s,]+WGEC\d{4})*)(?:\s+reason=""(?<reason>[^""]*)"")?\s*-->")]
    private static partial Regex Comment();

    public required string Kind { get; init; }
    public required IReadOnlyList<string> RuleIds { get; init; }
    public string? Reason { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>1-based lines the comment covers (inclusive).</summary>
    public int FirstLine { get; set; }
    public int LastLine { get; set; }
    public bool Used { get; set; }

    public bool Covers(Diagnostic d) =>
        d.Location.StartLine >= FirstLine && d.Location.StartLine <= LastLine && (RuleIds.Count == 0 || RuleIds.Contains(d.Id));

    [GeneratedRegex(@"<!--\s*wgec[-_ ]?(?:disable|enable)[\s\S]*?-->", RegexOptions.IgnoreCase)]
    private static partial Regex Attempt();

    /// <summary>
    /// Comments that look like suppressions but are not (a lower-case or characteristic id, single quotes, a
    /// misspelt keyword): they would silently suppress nothing, so each is reported with what is wrong.
    /// </summary>
    public static List<(int Start, int End, string Problem)> Malformed(SourceText source)
    {
        var strict = Comment().Matches(source.Text).Select(m => m.Index).ToHashSet();
        var result = new List<(int, int, string)>();
        foreach (Match m in Attempt().Matches(source.Text))
        {
            if (strict.Contains(m.Index)) continue;
            var body = m.Value;
            var problem =
                !Regex.IsMatch(body, @"^<!--\s*wgec-(?:disable-next-line|disable|enable)\b") ? "the keyword must be wgec-disable, wgec-disable-next-line or wgec-enable, in lower case"
                : Regex.IsMatch(body, @"reason='") ? "the reason must be in double quotes: reason=\"…\""
                : Regex.IsMatch(body, @"\b[A-Z]{2,8}\b(?!\d)") && !Regex.IsMatch(body, @"\bWGEC\d{4}\b") ? "name rules by their ids (WGEC0101), not characteristics"
                : Regex.IsMatch(body, @"(?i)\bwgec\d{4}\b") && !Regex.IsMatch(body, @"\bWGEC\d{4}\b") ? "rule ids are written in capitals (WGEC0101)"
                : "it is not of the form <!-- wgec-disable[-next-line] WGEC0101 reason=\"…\" -->";
            result.Add((m.Index, m.Index + m.Length, problem));
        }
        return result;
    }

    public static List<SuppressionComment> Parse(SourceText source)
    {
        var all = new List<SuppressionComment>();
        foreach (Match m in Comment().Matches(source.Text))
        {
            var ids = m.Groups["ids"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
            var reason = m.Groups["reason"].Success ? m.Groups["reason"].Value.Trim() : null;
            all.Add(new SuppressionComment { Kind = m.Groups["kind"].Value, RuleIds = ids, Reason = reason, Start = m.Index, End = m.Index + m.Length });
        }
        var result = new List<SuppressionComment>();
        foreach (var c in all)
        {
            var line = source.Position(c.Start).Line;
            if (c.Kind == "disable-next-line")
            {
                c.FirstLine = c.LastLine = source.Position(c.End).Line + 1;
                result.Add(c);
            }
            else if (c.Kind == "disable")
            {
                c.FirstLine = line;
                var enable = all.FirstOrDefault(e => e.Kind == "enable" && e.Start > c.End &&
                    (e.RuleIds.Count == 0 || c.RuleIds.Count == 0 || e.RuleIds.Intersect(c.RuleIds).Any()));
                c.LastLine = enable is null ? source.LineCount : source.Position(enable.Start).Line;
                result.Add(c);
            }
        }
        return result;
    }
}
