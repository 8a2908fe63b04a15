namespace Wgec.Config;

/// <summary>
/// Where a draft belongs, found one way for every command (README, "Configuration"):
/// <list type="bullet">
/// <item>its <b>drafting root</b> — the nearest folder above it holding <c>wgec.yaml</c>, else the nearest holding
///   <c>.git</c>, else its own folder. Configuration is read from there and fingerprints name the draft relative
///   to it, so a baseline stays valid in a copy without <c>.git</c> (a source archive, a container build);</item>
/// <item>its <b>repository</b> — the nearest folder holding <c>.git</c>, else its drafting root. SARIF and workflow
///   annotations give paths relative to it (code-scanning tools resolve them against the repository), and
///   <c>diff --git</c> asks git there.</item>
/// </list>
/// </summary>
public static class DraftingRoot
{
    /// <summary>The drafting root of a file (or of a folder: the folder is its own first candidate).</summary>
    public static string Of(string path)
    {
        var start = StartOf(path);
        return ConfigFolder(start) ?? GitFolder(start) ?? start;
    }

    /// <summary>The repository of a file or folder.</summary>
    public static string Repository(string path)
    {
        var start = StartOf(path);
        return GitFolder(start) ?? ConfigFolder(start) ?? start;
    }

    /// <summary>The wgec.yaml that configures a file, or null.</summary>
    public static string? ConfigFile(string path) => ConfigFolder(StartOf(path)) is { } dir ? Path.Combine(dir, WgecConfig.FileName) : null;

    /// <summary>The folder itself for a folder, else the file's folder; full paths.</summary>
    private static string StartOf(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
    }

    /// <summary>The folder and every folder above it, nearest first.</summary>
    public static IEnumerable<string> Upwards(string folder)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir)) yield return dir;
    }

    private static string? ConfigFolder(string start) => Upwards(start).FirstOrDefault(d => File.Exists(Path.Combine(d, WgecConfig.FileName)));

    // .git is a folder in a clone and a file in a worktree or submodule.
    private static string? GitFolder(string start) => Upwards(start).FirstOrDefault(d => Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git")));
}
