namespace Wgec.Reporting;

public static class OneLine
{
    /// <summary>Quoted words of a document on one line: line breaks and runs of spaces become one space.</summary>
    public static string Of(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
