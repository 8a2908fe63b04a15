using Wgec.Model;

namespace Wgec.Readers;

/// <summary>
/// One input format, declared by its reader: the name documents carry (<see cref="PolicyDocument.Format"/>), the
/// file extensions it owns (a folder run picks up files with any registered extension), and how it reads.
/// A text format parses decoded text; a binary format (DOCX) reads the file itself. With <see cref="ByContent"/>
/// the format is recognised from the text whatever the extension (the compilation's "Recommendation N."
/// headings), else only by its extensions.
/// </summary>
public sealed record InputFormat(string Name, IReadOnlyList<string> Extensions)
{
    public Func<SourceText, PolicyDocument>? Parse { get; init; }
    public Func<string, long, PolicyDocument>? ReadFile { get; init; }
    public Func<SourceText, bool>? ByContent { get; init; }

    public bool Owns(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Every input format, in the order they are tried. Adding one is a reader file that declares its
/// <see cref="InputFormat"/> plus one line here.
/// </summary>
public static class InputFormats
{
    public static readonly IReadOnlyList<InputFormat> All =
    [
        DocxReader.Format,
        MarkdownReader.Format,
        CompilationReader.Format,
        PlainTextReader.Format, // last: any text that nothing else claims is one proposal
    ];

    /// <summary>Extensions a folder run picks up (lower case, with the dot).</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        All.SelectMany(f => f.Extensions).Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Extensions of the formats read from text (those whose older versions 'diff --git' can show).</summary>
    public static IReadOnlySet<string> TextExtensions { get; } =
        All.Where(f => f.Parse is not null).SelectMany(f => f.Extensions).Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The binary format that owns a path, if any (it reads the file itself).</summary>
    public static InputFormat? BinaryFor(string path) => All.FirstOrDefault(f => f.ReadFile is not null && f.Owns(path));

    /// <summary>The text format for decoded text: the first that owns its extension and is not content-recognised,
    /// else the first that recognises the content, else plain text.</summary>
    public static InputFormat TextFor(SourceText source) =>
        All.FirstOrDefault(f => f.Parse is not null && f.ByContent is null && f.Owns(source.Path) && f != PlainTextReader.Format)
        ?? All.FirstOrDefault(f => f.Parse is not null && f.ByContent?.Invoke(source) == true)
        ?? PlainTextReader.Format;
}
