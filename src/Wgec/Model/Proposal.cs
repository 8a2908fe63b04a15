namespace Wgec.Model;

/// <summary>
/// One proposal: a contiguous range [Start, End) of the source. <see cref="Text"/> has the same length as
/// that range; characters that are not proposal prose (footnotes, markup, table debris, comments) are
/// replaced by spaces, so an offset in <see cref="Text"/> plus <see cref="Start"/> is an offset in the file.
/// </summary>
public sealed class Proposal
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public string Contributor { get; init; } = "";
    public string Section { get; init; } = "";
    public required SourceText Source { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    /// <summary>0-based line of the heading that opens the proposal ("## D1 …", "Recommendation 4. …"), or null when
    /// the format has none; editors put the proposal's verdicts there.</summary>
    public int? HeadingLine { get; init; }
    /// <summary>0-based position of the proposal in its document.</summary>
    public int Ordinal { get; set; }

    public Location Location => Source.LocationOf(Start, End);

    public string SourceSlice(int textStart, int textEnd) => Source.Text[(Start + textStart)..(Start + textEnd)];
}

public sealed class PolicyDocument
{
    public required string Path { get; init; }

    /// <summary>The path as reports write it: with '/' on every platform (normalised here, once per document).</summary>
    public string DisplayPath => _displayPath ??= Path.Replace('\\', '/');
    private string? _displayPath;

    public required SourceText Source { get; init; }
    public required IReadOnlyList<Proposal> Proposals { get; init; }
    public string Title { get; init; } = "";
    /// <summary>Profile named in Markdown front matter, if any.</summary>
    public string? Profile { get; init; }
    public string Format { get; init; } = "";
}
