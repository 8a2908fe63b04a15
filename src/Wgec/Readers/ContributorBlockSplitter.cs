using System.Text.RegularExpressions;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>
/// Splits the "Uncategorized inputs" part of a compilation. Each "N. Contributor" heading opens a block;
/// within a block the first structure found decides the proposals (documented in docs/input-formats.md):
/// "Recommendation X:" sub-headings (PREFIX-X), labelled items "A1." (PREFIX-A1), "That …" paragraphs
/// (PREFIX-n), numbered items (PREFIX-Fn in a follow-up input, else PREFIX-n), trailing bullets (likewise),
/// or else the whole block as one proposal (PREFIX-1).
/// </summary>
internal static partial class ContributorBlockSplitter
{
    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\.\s+(?<name>[A-Z].{0,200})$")]
    private static partial Regex BlockHeading();

    [GeneratedRegex(@"\b(should|shall|must|will|would|can|could|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();

    [GeneratedRegex(@"^\s*Recommendation\s+(?<label>[A-Z])\s*:\s*$")]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"^\s*(?:-\s*)?(?<label>[A-Z]\d{1,2})\.\s+\S")]
    private static partial Regex LabelledItem();

    [GeneratedRegex(@"^\s*[A-Z]\.\s+\S")]
    private static partial Regex LetterHeading();

    [GeneratedRegex(@"^\s*That\b")]
    private static partial Regex ThatParagraph();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\.\s+\S")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\s*[-•*]\s+\S")]
    private static partial Regex Bullet();

    [GeneratedRegex(@",\s*(?<acr>[A-Z]{2,})\s*$")]
    private static partial Regex TrailingAcronym();

    /// <summary>Conventional short codes for contributors whose names have no acronym.</summary>
    private static readonly (string Name, string Code)[] KnownCodes =
    [
        ("United Kingdom", "UK"), ("United States", "US"), ("Saudi Arabia", "SA"), ("European Union", "EU"),
        ("Russian Federation", "RU"),
    ];

    public static IEnumerable<Proposal> Split(SourceText source, int first, int last, string section)
    {
        var headings = new List<(int Line, string Name)>();
        for (var i = first; i <= last; i++)
        {
            var m = BlockHeading().Match(source.Line(i));
            var name = m.Groups["name"].Value.Trim();
            if (m.Success && !Modal().IsMatch(name) && !name.EndsWith('.') && !name.EndsWith(';') && !name.EndsWith(':'))
                headings.Add((i, name));
        }
        var result = new List<Proposal>();
        for (var h = 0; h < headings.Count; h++)
        {
            var blockEnd = h + 1 < headings.Count ? headings[h + 1].Line - 1 : last;
            result.AddRange(SplitBlock(source, headings[h].Line + 1, blockEnd, headings[h].Name, section));
        }
        return result;
    }

    private static IEnumerable<Proposal> SplitBlock(SourceText source, int first, int last, string heading, string section)
    {
        var contributor = ContributorName(heading);
        var prefix = Prefix(contributor);
        var followUp = heading.Contains("follow-up", StringComparison.OrdinalIgnoreCase);
        var lines = Enumerable.Range(first, Math.Max(0, last - first + 1)).ToList();

        var subs = lines.Where(i => SubHeading().IsMatch(source.Line(i))).ToList();
        if (subs.Count >= 1)
            return Ranges(source, subs, last, i => prefix + "-" + SubHeading().Match(source.Line(i)).Groups["label"].Value,
                i => "Recommendation " + SubHeading().Match(source.Line(i)).Groups["label"].Value, contributor, section, skipHeadingLine: true);

        var labelled = lines.Where(i => LabelledItem().IsMatch(source.Line(i))).ToList();
        if (labelled.Count >= 2)
        {
            var stops = labelled.Concat(lines.Where(i => LetterHeading().IsMatch(source.Line(i)))).Order().ToList();
            return labelled.Select(start =>
            {
                var label = LabelledItem().Match(source.Line(start)).Groups["label"].Value;
                var next = stops.FirstOrDefault(s => s > start, last + 1);
                return ProposalFactory.FromLines(source, start, next - 1, prefix + "-" + label, label, contributor, section);
            }).OfType<Proposal>().ToList();
        }

        var that = lines.Where(i => ThatParagraph().IsMatch(source.Line(i))).ToList();
        if (that.Count >= 2)
            return that.Select((start, k) =>
            {
                var end = start;
                while (end + 1 <= last && !string.IsNullOrWhiteSpace(source.Line(end + 1))) end++;
                return ProposalFactory.FromLines(source, start, end, $"{prefix}-{k + 1}", $"That … ({k + 1})", contributor, section);
            }).OfType<Proposal>().ToList();

        var itemPrefix = followUp ? prefix + "-F" : prefix + "-";
        var numbered = lines.Where(i => NumberedItem().IsMatch(source.Line(i))).ToList();
        if (numbered.Count >= 2)
            return Ranges(source, numbered, last, i => itemPrefix + NumberedItem().Match(source.Line(i)).Groups["n"].Value,
                i => "Item " + NumberedItem().Match(source.Line(i)).Groups["n"].Value, contributor, section, skipHeadingLine: false);

        var bullets = lines.Where(i => Bullet().IsMatch(source.Line(i))).ToList();
        if (bullets.Count >= 2 && BulletsCloseTheBlock(source, bullets[0], last))
        {
            var k = 0;
            return Ranges(source, bullets, last, _ => itemPrefix + (++k), i => "Bullet " + (bullets.IndexOf(i) + 1), contributor, section, skipHeadingLine: false);
        }

        var whole = ProposalFactory.FromLines(source, first, last, prefix + "-1", contributor, contributor, section);
        return whole is null ? [] : [whole];
    }

    private static List<Proposal> Ranges(SourceText source, List<int> starts, int last, Func<int, string> id,
        Func<int, string> title, string contributor, string section, bool skipHeadingLine)
    {
        var list = new List<Proposal>();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] - 1 : last;
            var begin = skipHeadingLine ? starts[k] + 1 : starts[k];
            var pid = id(starts[k]);
            var p = ProposalFactory.FromLines(source, begin, end, pid, title(starts[k]), contributor, section);
            if (p is not null) list.Add(p);
        }
        return list;
    }

    /// <summary>Bullets are the block's items only when nothing but bullets (and their continuations) follows the first one.</summary>
    private static bool BulletsCloseTheBlock(SourceText source, int firstBullet, int last)
    {
        var previousBlank = false;
        for (var i = firstBullet; i <= last; i++)
        {
            var line = source.Line(i);
            if (ProposalFactory.IsEmpty(line)) { previousBlank = true; continue; }
            var continuation = !previousBlank || char.IsLower(line.TrimStart()[0]);
            if (!Bullet().IsMatch(line) && !continuation) return false;
            previousBlank = false;
        }
        return true;
    }

    private static string ContributorName(string heading)
    {
        var paren = heading.IndexOf('(');
        return (paren > 0 ? heading[..paren] : heading).Trim().TrimEnd('.', ' ');
    }

    private static string Prefix(string contributor)
    {
        var acr = TrailingAcronym().Match(contributor);
        if (acr.Success) return acr.Groups["acr"].Value;
        foreach (var (name, code) in KnownCodes)
            if (contributor.StartsWith(name, StringComparison.OrdinalIgnoreCase)) return code;
        var initials = string.Concat(contributor.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        return initials.Length > 0 ? initials : "X";
    }
}
