using System.Security.Cryptography;
using System.Text;
using Wgec.Model;

namespace Wgec.Engine;

/// <summary>
/// Fingerprints identify a finding by what it is, not where it is: proposal id, rule id, the matched words
/// (whitespace-normalised, lower-case) and the occurrence number of that triple. Inserting lines above a
/// proposal, or reflowing it, leaves its fingerprints unchanged.
/// </summary>
public static class Fingerprints
{
    public static IReadOnlyList<Diagnostic> Assign(string scope, IReadOnlyList<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return diagnostics.Select(d =>
        {
            var key = $"{scope}|{d.Id}|{Normalise(d.Text)}";
            var n = seen.GetValueOrDefault(key);
            seen[key] = n + 1;
            return d with { Fingerprint = Hash($"{key}|{n}") };
        }).ToList();
    }

    /// <summary>
    /// The document part of a fingerprint: the path relative to the draft's <see cref="Config.DraftingRoot"/>, so the
    /// same finding has the same fingerprint whatever folder wgec runs from, with or without .git.
    /// </summary>
    public static string DocumentKey(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.GetRelativePath(Config.DraftingRoot.Of(full), full).Replace('\\', '/');
    }

    public static string Normalise(string text) => Whitespace.Collapse(text.ToLowerInvariant());

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
