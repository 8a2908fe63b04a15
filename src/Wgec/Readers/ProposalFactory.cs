using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Turns a range of source lines into a proposal, trimming blank and noise lines at both ends.</summary>
internal static class ProposalFactory
{
    public static Proposal? FromLines(SourceText source, int firstLine, int lastLine, string id, string title,
        string contributor, string section, int? headingLine = null)
    {
        while (firstLine <= lastLine && IsEmpty(source.Line(firstLine))) firstLine++;
        while (lastLine >= firstLine && IsEmpty(source.Line(lastLine))) lastLine--;
        if (firstLine > lastLine) return null;
        var start = source.LineStart(firstLine);
        var end = source.LineEnd(lastLine);
        // Leading indentation is not part of the proposal's first word.
        while (start < end && char.IsWhiteSpace(source.Text[start])) start++;
        return new Proposal
        {
            Id = id, Title = title, Contributor = contributor, Section = section, Source = source, HeadingLine = headingLine,
            Start = start, End = end, Text = TextMask.Mask(source.Text, start, end),
        };
    }

    public static bool IsEmpty(string line) => string.IsNullOrWhiteSpace(line) || TextMask.IsNoiseLine(line);
}
