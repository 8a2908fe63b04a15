using System.Text.Json.Nodes;
using Wgec.Rules;

namespace Wgec.LanguageServer;

/// <summary>
/// What the editor may set (initializationOptions, workspace/didChangeConfiguration), as on the command line;
/// the nearest wgec.yaml still applies beneath them. Settings arrive either as the object itself or under "wgec".
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The profile for every draft; null: wgec.yaml, else the draft's front matter, else core.</summary>
    public string? Profile { get; init; }
    /// <summary>Extra rule folders, as --rules packs (paths relative to the server's folder).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
    /// <summary>Severity per rule id, over what wgec.yaml says.</summary>
    public IReadOnlyDictionary<string, Severity> Severity { get; init; } = new Dictionary<string, Severity>();
    /// <summary>Show findings accepted by a wgec-disable comment or the baseline, as hints.</summary>
    public bool ShowSuppressed { get; init; }
    /// <summary>Show the evidence of characteristics met (info-level "meets" findings) as hints.</summary>
    public bool ShowEvidence { get; init; } = true;
    /// <summary>Quiet time after a change before checking starts (default none). Changes are debounced anyway: those
    /// that arrive while a check runs wait for it and are checked together as soon as it ends.</summary>
    public int DebounceMs { get; init; }

    /// <summary>These settings with what <paramref name="node"/> sets; problems (a wrong type, an unknown severity) are listed, not thrown.</summary>
    public ServerSettings With(JsonNode? node, List<string> problems)
    {
        if (node is JsonObject outer && outer["wgec"] is JsonObject inner) node = inner;
        if (node is not JsonObject o) return this;
        var s = this;
        if (o.ContainsKey("profile"))
            s = s with { Profile = o["profile"] is JsonValue p && p.TryGetValue<string>(out var profile) && profile.Length > 0 ? profile : null };
        if (o["rules"] is JsonArray rules)
        {
            var folders = new List<string>();
            foreach (var r in rules)
            {
                if (r is JsonValue v && v.TryGetValue<string>(out var f) && f.Trim().Length > 0 && f.IndexOf('\0') < 0) folders.Add(Path.GetFullPath(f));
                else problems.Add($"setting rules: {r?.ToJsonString() ?? "null"} is not a folder name; ignored");
            }
            s = s with { Rules = folders };
        }
        if (o["severity"] is JsonObject severities)
        {
            var map = new Dictionary<string, Severity>(StringComparer.Ordinal);
            foreach (var (id, value) in severities)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
                if (SeverityNames.TryParse(text, out var severity)) map[id] = severity;
                else problems.Add($"setting severity.{id}: '{text}' is not error, warning, info or none; ignored");
            }
            s = s with { Severity = map };
        }
        s = s with { ShowSuppressed = Lsp.Bool(o["showSuppressed"], s.ShowSuppressed), ShowEvidence = Lsp.Bool(o["showEvidence"], s.ShowEvidence) };
        if (o["debounceMs"] is JsonValue d && d.TryGetValue<int>(out var ms)) s = s with { DebounceMs = Math.Clamp(ms, 0, 5000) };
        return s;
    }
}
