namespace Wgec.Model;

/// <summary>
/// The exact text of one input file with a line index, so that every offset the engine reports can be
/// turned into a 1-based line and column (UTF-16 code units, as compilers and SARIF count them).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    public string Path { get; }
    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    public int LineStart(int lineIndex) => _lineStarts[lineIndex];

    /// <summary>End of the line's content (before "\r\n" or "\n").</summary>
    public int LineEnd(int lineIndex)
    {
        var end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] - 1 : Text.Length;
        if (end > _lineStarts[lineIndex] && end - 1 < Text.Length && end - 1 >= 0 && Text[end - 1] == '\r') end--;
        if (end < _lineStarts[lineIndex]) end = _lineStarts[lineIndex];
        return end;
    }

    public string Line(int lineIndex) => Text[LineStart(lineIndex)..LineEnd(lineIndex)];

    public int LineIndexOf(int offset)
    {
        var idx = Array.BinarySearch(_lineStarts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public (int Line, int Column) Position(int offset)
    {
        var line = LineIndexOf(offset);
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>Location of [start, end): the end column points just past the last character.</summary>
    public Location LocationOf(int start, int end)
    {
        var (sl, sc) = Position(start);
        var (el, ec) = Position(Math.Max(start, end));
        return new Location(sl, sc, el, ec);
    }
}

public sealed record Location(int StartLine, int StartColumn, int EndLine, int EndColumn);
