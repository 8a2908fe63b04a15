namespace Wgec.Model;

/// <summary>A problem with the user's input or rule files: reported as "file(line): message", exit code 2.</summary>
public class WgecException : Exception
{
    public WgecException(string path, int? line, string message, string? field = null) : base(message)
    {
        Path = path;
        Line = line;
        Field = field;
    }

    public string Path { get; }
    public int? Line { get; }
    public string? Field { get; }

    public string Describe()
    {
        var where = Line is { } l ? $"{Path}({l})" : Path;
        var field = Field is null ? "" : $" [{Field}]";
        return $"{where}: error{field}: {Message}";
    }
}
