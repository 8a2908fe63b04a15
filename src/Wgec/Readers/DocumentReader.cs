using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Reads a file or text with the format that claims it (<see cref="InputFormats"/>).</summary>
public static class DocumentReader
{
    public static PolicyDocument Read(string path) => ReadWithin(path, InputFile.DefaultMaxBytes);

    /// <summary>As <see cref="Read(string)"/>, refusing a file over <paramref name="maxBytes"/>.</summary>
    public static PolicyDocument ReadWithin(string path, long maxBytes) =>
        InputFormats.BinaryFor(path) is { } binary ? binary.ReadFile!(path, maxBytes) : Parse(InputFile.Read(path, maxBytes));

    public static PolicyDocument Parse(SourceText source) => InputFormats.TextFor(source).Parse!(source);
}
