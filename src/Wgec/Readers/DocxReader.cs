using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>
/// Word documents: each paragraph becomes one line of a text (so a location's line is the paragraph number);
/// paragraphs styled Heading 1/2 become "# "/"## " headings. The text then goes through the Markdown reader
/// (proposals by "## ID" headings) or, without such headings, the compilation reader ("Recommendation N.").
/// </summary>
public static class DocxReader
{
    public static readonly InputFormat Format = new("docx", [".docx"]) { ReadFile = Read };

    public static PolicyDocument Read(string path, long maxBytes = InputFile.DefaultMaxBytes)
    {
        // The same checks as any input (a regular file, within the size limit), then read from memory.
        var bytes = InputFile.ReadBytes(path, maxBytes);
        string text;
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = Math.Min(maxBytes * 8, int.MaxValue) });
            text = ToText(doc);
        }
        // A damaged package can fail in many ways inside the Open XML SDK (a missing part, a bad relationship):
        // any of them means the same to the user.
        catch (Exception e) when (e is not (WgecException or OutOfMemoryException or StackOverflowException))
        {
            throw new WgecException(path, null, $"is not a readable .docx file: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(text)) throw new WgecException(path, null, "is empty: there is nothing to check");
        // A compressed document can hold far more text than its size: the limit applies to the text too.
        if (text.Length > maxBytes) throw new WgecException(path, null, $"holds more than {maxBytes / (1024 * 1024)} MiB of text (--max-file-size MIB raises the limit)");
        var source = new SourceText(path, text);
        var hasHeadings = Enumerable.Range(0, source.LineCount).Any(i => source.Line(i).StartsWith("## ", StringComparison.Ordinal));
        var parsed = hasHeadings ? MarkdownReader.Read(source)
            : CompilationReader.Recognises(source) ? CompilationReader.Read(source)
            : PlainTextReader.Read(source);
        return new PolicyDocument
        {
            Path = path, Source = source, Proposals = parsed.Proposals.Select(p => Rebase(p, source)).ToList(),
            Title = parsed.Title, Profile = parsed.Profile, Format = Format.Name,
        };
    }

    private static Proposal Rebase(Proposal p, SourceText source) => new()
    {
        Id = p.Id, Title = p.Title, Contributor = p.Contributor, Section = p.Section, Source = source,
        Start = p.Start, End = p.End, Text = p.Text, Ordinal = p.Ordinal,
    };

    public static string ToText(WordprocessingDocument doc)
    {
        var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("no document body");
        var sb = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Replace('\n', ' ').Replace('\r', ' ');
            var prefix = style.Equals("Heading1", StringComparison.OrdinalIgnoreCase) ? "# "
                : style.Equals("Heading2", StringComparison.OrdinalIgnoreCase) ? "## " : "";
            sb.Append(prefix).Append(text).Append('\n');
        }
        return sb.ToString();
    }
}
