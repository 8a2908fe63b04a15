using System.Text.RegularExpressions;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Expands the command line's files, folders and globs into a sorted, de-duplicated list of files.</summary>
public static class InputExpander
{
    private static readonly string[] DraftExtensions = [".md", ".markdown", ".txt", ".docx"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            IEnumerable<string> files;
            if (input.IndexOfAny(['*', '?']) >= 0) files = Glob(input);
            else if (Directory.Exists(input))
                files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => DraftExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Select(f => Relative(input, f)).Order(StringComparer.Ordinal);
            else if (File.Exists(input)) files = [input];
            else throw new WgecException(input, null, "file not found");

            var any = false;
            foreach (var f in files)
            {
                any = true;
                if (seen.Add(Path.GetFullPath(f))) result.Add(f);
            }
            if (!any) throw new WgecException(input, null, Directory.Exists(input) ? "folder holds no .md, .txt or .docx drafts" : "pattern matches no file");
        }
        return result;
    }

    private static string Relative(string root, string file) =>
        Path.Combine(root, Path.GetRelativePath(root, file)).Replace('\\', '/');

    private static IEnumerable<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : normalized[..slash];
        if (root.Length == 0) root = "/";
        if (!Directory.Exists(root)) return [];
        var regex = Wgec.Readers.Glob.ToRegex(normalized);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => slash < 0 ? Path.GetRelativePath(".", f).Replace('\\', '/') : f.Replace('\\', '/'))
            .Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal);
    }
}
