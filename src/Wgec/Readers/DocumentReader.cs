using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Chooses the reader for a file: Markdown by extension, the compilation format by its headings, else one plain proposal.</summary>
public static class DocumentReader
{
    public static PolicyDocument Read(string path) => ReadWithin(path, InputFile.DefaultMaxBytes);

    /// <summary>As <see cref="Read(string)"/>, refusing a file over <paramref name="maxBytes"/>.</summary>

    public static PolicyDocument ReadWithin(string path, long maxBytes) =>
        Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase) ? DocxReader.Read(path, maxBytes) : Parse(InputFile.Read(path, maxBytes));

    public static PolicyDocument Parse(SourceText source)
    {
        var ext = Path.GetExtension(source.Path).ToLowerInvariant();
        if (ext is ".md" or ".markdown") return MarkdownReader.Read(source);
        if (CompilationReader.Recognises(source)) return CompilationReader.Read(source);
        return PlainText(source);
    }

    private static PolicyDocument PlainText(SourceText source)
    {
        var id = Path.GetFileNameWithoutExtension(source.Path);
        var p = ProposalFactory.FromLines(source, 0, source.LineCount - 1, id, id, "", "")
                ?? throw new WgecException(source.Path, null, "is empty: there is nothing to check");
        return new PolicyDocument { Path = source.Path, Source = source, Proposals = [p], Format = "text" };
    }
}
