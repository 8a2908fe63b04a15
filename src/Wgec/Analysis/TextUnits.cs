namespace Wgec.Analysis;

/// <summary>A word-like token of a proposal's text: [Start, End) offsets in the proposal text.</summary>
public readonly record struct Token(int Start, int End, int Sentence);

/// <summary>A sentence (or list item) of a proposal: [Start, End) offsets in the proposal text.</summary>
public readonly record struct Sentence(int Index, int Start, int End, int FirstToken, int LastToken);

/// <summary>A run of list items (bullets, numbers, letters) in a proposal.</summary>
public sealed record ListBlock(int Start, int End, IReadOnlyList<int> ItemWordCounts)
{
    public int Items => ItemWordCounts.Count;
    public double MeanWords => ItemWordCounts.Count == 0 ? 0 : ItemWordCounts.Average();
}

/// <summary>A span found in a proposal's text by one leaf condition.</summary>
public readonly record struct Hit(int Start, int End, string Detail = "", string? Related = null);
