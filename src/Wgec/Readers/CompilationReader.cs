using System.Text.RegularExpressions;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>
/// Reads the working group's compilation as converted to text: a table of contents (skipped), sections
/// I–VII with "Recommendation N. Contributor" headings (proposal R&lt;N&gt;), then the "Uncategorized inputs"
/// part, whose contributor blocks are split by <see cref="ContributorBlockSplitter"/>.
/// </summary>
public static partial class CompilationReader
{
    [GeneratedRegex(@"^\s*(?<roman>I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(?<title>\S.*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*Recommendation\s+(?<n>\d+)\.\s*(?<contributor>.*)$")]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"^\s*Uncategori[sz]ed\s+inputs", RegexOptions.IgnoreCase)]
    private static partial Regex UncategorizedHeading();

    /// <summary>Recognised by its headings in any text file (it has no extension of its own beyond .txt).</summary>
    public static readonly InputFormat Format = new("compilation", [".txt"]) { Parse = Read, ByContent = Recognises };

    /// <summary>True when the text looks like a compilation (numbered recommendation headings).</summary>
    public static bool Recognises(SourceText source) =>
        Enumerable.Range(0, source.LineCount).Count(i => RecommendationHeading().IsMatch(source.Line(i))) >= 2;

    public static PolicyDocument Read(SourceText source)
    {
        var proposals = new List<Proposal>();
        var bodyStart = FindBodyStart(source);
        string section = "";
        (int Line, string Id, string Title, string Contributor)? open = null;

        void Close(int lastLine)
        {
            if (open is { } o)
            {
                var p = ProposalFactory.FromLines(source, o.Line + 1, lastLine, o.Id, o.Title, o.Contributor, section, o.Line);
                if (p is not null) proposals.Add(p);
            }
            open = null;
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = bodyStart;
        for (; line < source.LineCount; line++)
        {
            var text = source.Line(line);
            if (UncategorizedHeading().IsMatch(text))
            {
                Close(line - 1);
                break;
            }
            var rec = RecommendationHeading().Match(text);
            if (rec.Success)
            {
                Close(line - 1);
                var number = rec.Groups["n"].Value;
                if (numbers.TryGetValue(number, out var first))
                    throw new WgecException(source.Path, line + 1, $"Recommendation {number} is numbered twice (first at line {first}); ids must be unique");
                numbers[number] = line + 1;
                open = (line, "R" + rec.Groups["n"].Value, "Recommendation " + rec.Groups["n"].Value,
                    rec.Groups["contributor"].Value.Trim().TrimEnd('.', ' '));
                continue;
            }
            var sec = SectionHeading().Match(text);
            if (sec.Success && HasLowercase(sec.Groups["title"].Value))
            {
                Close(line - 1);
                section = sec.Groups["roman"].Value;
            }
        }
        Close(source.LineCount - 1);
        if (line < source.LineCount)
        {
            proposals.AddRange(ContributorBlockSplitter.Split(source, line + 1, source.LineCount - 1, "Uncategorized"));
        }
        for (var i = 0; i < proposals.Count; i++) proposals[i].Ordinal = i;
        return new PolicyDocument
        {
            Path = source.Path, Source = source, Proposals = proposals, Format = Format.Name,
            Title = source.Line(FirstNonEmpty(source)).Trim('*', ' '),
        };
    }

    /// <summary>The table of contents repeats the headings in capitals; the body starts at the first mixed-case section heading.</summary>
    private static int FindBodyStart(SourceText source)
    {
        for (var i = 0; i < source.LineCount; i++)
        {
            var m = SectionHeading().Match(source.Line(i));
            if (m.Success && HasLowercase(m.Groups["title"].Value)) return i;
        }
        return 0;
    }

    private static int FirstNonEmpty(SourceText source)
    {
        for (var i = 0; i < source.LineCount; i++) if (!string.IsNullOrWhiteSpace(source.Line(i))) return i;
        return 0;
    }

    private static bool HasLowercase(string s) => s.Any(char.IsLower);
}
