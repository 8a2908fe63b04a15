using System.Text;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>Applies the safe text edits of rules; meaning-changing ones are only suggested.</summary>
public static class Fixer
{
    public sealed record Edit(int Start, int End, string Replacement, Diagnostic Diagnostic);

    public static (List<Edit> Safe, List<Edit> Suggestions) Edits(DocumentResult doc)
    {
        var safe = new List<Edit>();
        var suggestions = new List<Edit>();
        foreach (var d in doc.AllDiagnostics.Where(d => !d.IsSuppressed && d.Rule.Fix is not null && d.Severity != Severity.None).OrderBy(d => d.Start))
        {
            var edit = new Edit(d.Start, d.End, d.Rule.Fix!.Replacement, d);
            // An edit across a line break could change the line structure: offer it, never apply it.
            if (!d.Rule.Fix.Safe || doc.Document.Source.Text.AsSpan(d.Start, d.End - d.Start).Contains('\n')) { suggestions.Add(edit); continue; }
            if (safe.Count > 0 && safe[^1].End > edit.Start) continue; // overlapping edits: first wins, next run gets the rest
            safe.Add(edit);
        }
        return (safe, suggestions);
    }

    public static string Apply(string text, IEnumerable<Edit> edits)
    {
        var sb = new StringBuilder(text);
        foreach (var e in edits.OrderByDescending(e => e.Start)) sb.Remove(e.Start, e.End - e.Start).Insert(e.Start, MatchCase(text[e.Start..e.End], e.Replacement));
        return sb.ToString();
    }

    /// <summary>The words an edit puts in place of the original: the replacement, capitalised like the original.</summary>
    public static string MatchCase(string original, string replacement)
    {
        if (original.Length == 0 || replacement.Length == 0 || !char.IsUpper(original[0])) return replacement;
        // "MUST" → "SHOULD": a word in capitals (as in standards' MUST/SHALL) stays in capitals.
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c))) return replacement.ToUpperInvariant();
        return char.ToUpperInvariant(replacement[0]) + replacement[1..];
    }

    /// <summary>Temp file + rename; the file must still hold what was read (else nothing is written); a BOM is kept.</summary>
    public static void WriteAtomically(string path, SourceText readText, string fixedText)
    {
        var bytes = Readers.InputFile.ReadBytes(path, long.MaxValue);
        var current = Readers.InputFile.Decode(path, bytes);
        if (current.Text != readText.Text)
            throw new WgecException(path, null, "changed since it was read; this file was not written (run wgec fix again)");
        var bom = Readers.InputFile.HasUtf8Bom(bytes);
        AtomicFile.Write(path, fixedText, bom);
    }

    /// <summary>
    /// A unified diff of two texts that <c>git apply</c> and <c>patch</c> accept: whole-line hunks with 2 lines of
    /// context, lines exactly as in the file (a "\r" of CRLF endings kept), and the "\ No newline at end of file"
    /// marker when the last line has no line break.
    /// </summary>
    public static string UnifiedDiff(string path, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var sb = new StringBuilder($"--- a/{path}\n+++ b/{path}\n");
        // Edits never add or remove lines, so lines pair one to one.
        var changed = Enumerable.Range(0, Math.Min(a.Count, b.Count)).Where(i => a[i] != b[i]).ToList();
        void Line(char mark, string line, bool last, string text)
        {
            sb.Append(mark).Append(line).Append('\n');
            if (last && !text.EndsWith('\n')) sb.Append("\\ No newline at end of file\n");
        }
        var k = 0;
        while (k < changed.Count)
        {
            var start = Math.Max(0, changed[k] - 2);
            var end = changed[k];
            while (k + 1 < changed.Count && changed[k + 1] - end <= 5) end = changed[++k];
            end = Math.Min(a.Count - 1, end + 2);
            sb.Append($"@@ -{start + 1},{end - start + 1} +{start + 1},{end - start + 1} @@\n");
            for (var i = start; i <= end; i++)
            {
                var last = i == a.Count - 1;
                if (a[i] == b[i]) Line(' ', a[i], last, before);
                else
                {
                    Line('-', a[i], last, before);
                    Line('+', b[i], last, after);
                }
            }
            k++;
        }
        return sb.ToString();
    }

    /// <summary>The lines of a text without their "\n" (a final line break ends the last line; it opens no new one).</summary>
    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 1 && text.EndsWith('\n')) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
