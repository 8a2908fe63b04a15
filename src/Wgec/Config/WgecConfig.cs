using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;
using YamlDotNet.RepresentationModel;

namespace Wgec.Config;

/// <summary>
/// wgec.yaml: found by walking up from each input file (the nearest wins, like .editorconfig). Keys: profile,
/// min-score, severity (per rule id or characteristic code: error, warning, info, none), rules (extra rule
/// folders), ignore (globs), overrides (per-path severity and min-score). Unknown keys and bad values are
/// errors naming the file and line.
/// </summary>
public sealed class WgecConfig
{
    public const string FileName = "wgec.yaml";

    public required string Path { get; init; }
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
    public string? Profile { get; init; }
    public double? MinScore { get; init; }
    public IReadOnlyDictionary<string, (Severity Severity, int Line)> Severity { get; init; } = new Dictionary<string, (Severity, int)>();
    public IReadOnlyList<string> RuleFolders { get; init; } = [];
    public IReadOnlyList<string> Ignore { get; init; } = [];
    public IReadOnlyList<Override> Overrides { get; init; } = [];

    public sealed record Override(IReadOnlyList<string> Files, IReadOnlyDictionary<string, (Severity Severity, int Line)> Severity, double? MinScore);

    /// <summary>The configuration of a file or folder: the wgec.yaml of its <see cref="DraftingRoot"/>, or null.
    /// <paramref name="cache"/> (by wgec.yaml path) reads each file once per run.</summary>
    public static WgecConfig? FindFor(string path, Dictionary<string, WgecConfig?>? cache = null)
    {
        if (DraftingRoot.ConfigFile(path) is not { } file) return null;
        if (cache is not null && cache.TryGetValue(file, out var cached)) return cached;
        var config = Load(file);
        if (cache is not null) cache[file] = config;
        return config;
    }

    private string Relative(string file) => System.IO.Path.GetRelativePath(Directory, System.IO.Path.GetFullPath(file)).Replace('\\', '/');

    public bool Ignores(string file) => Ignore.Any(g => Glob.IsMatch(g, Relative(file)));

    public Func<RuleDescriptor, Severity> SeverityFor(string file)
    {
        var layers = new List<IReadOnlyDictionary<string, (Severity Severity, int Line)>> { Severity };
        layers.AddRange(Overrides.Where(o => o.Files.Any(g => Glob.IsMatch(g, Relative(file)))).Select(o => o.Severity));
        return rule =>
        {
            var result = rule.DefaultSeverity;
            foreach (var layer in layers)
            {
                if (layer.TryGetValue(rule.Characteristic, out var byCode)) result = byCode.Severity;
                if (layer.TryGetValue(rule.Id, out var byId)) result = byId.Severity;
            }
            return result;
        };
    }

    public double? MinScoreFor(string file)
    {
        var value = MinScore;
        foreach (var o in Overrides.Where(o => o.Files.Any(g => Glob.IsMatch(g, Relative(file)))))
            if (o.MinScore is { } m) value = m;
        return value;
    }

    /// <summary>Checks rule ids and characteristic codes against the loaded rules.</summary>
    public void Validate(RuleSet rules)
    {
        foreach (var layer in Overrides.Select(o => o.Severity).Prepend(Severity))
            foreach (var (key, (_, line)) in layer)
                if (rules.Rule(key) is null && rules.Characteristics.All(c => c.Code != key) && Engine.BuiltInRules.All.All(r => r.Id != key))
                    throw new WgecException(Path, line, $"'{key}' is neither a rule id nor a characteristic code", "severity");
        if (Profile is not null && !rules.Profiles.ContainsKey(Profile))
            throw new WgecException(Path, null, $"unknown profile '{Profile}'; known profiles: {string.Join(", ", rules.Profiles.Keys)}", "profile");
    }

    public static WgecConfig Load(string path)
    {
        var yaml = new YamlReader(path);
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text)) return new WgecConfig { Path = path };
        var root = yaml.LoadMapping(text, emptyIsEmptyMapping: true);
        yaml.OnlyKeys(root, "wgec.yaml", "profile", "min-score", "severity", "rules", "ignore", "overrides");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var folders = yaml.Get(root, "rules") is { } r
            ? yaml.Sequence(r, "rules").Children.Select(n =>
            {
                var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, yaml.Scalar(n, "rules")));
                if (!System.IO.Directory.Exists(folder)) throw yaml.Error(n, "rules", $"rule folder '{yaml.Scalar(n, "rules")}' not found");
                return folder;
            }).ToList()
            : [];
        var overrides = new List<Override>();
        if (yaml.Get(root, "overrides") is { } o)
            foreach (var n in yaml.Sequence(o, "overrides").Children)
            {
                var map = yaml.Mapping(n, "overrides");
                yaml.OnlyKeys(map, "an override", "files", "severity", "min-score");
                var files = yaml.Get(map, "files") ?? throw yaml.Error(map, "files", "an override needs 'files' (a list of globs)");
                overrides.Add(new Override(yaml.Sequence(files, "files").Children.Select(f => yaml.Scalar(f, "files")).ToList(),
                    Severities(yaml, yaml.Get(map, "severity")), yaml.Get(map, "min-score") is { } ms ? yaml.Number(ms, "min-score", 0, 100) : null));
            }
        return new WgecConfig
        {
            Path = path,
            Profile = yaml.OptionalString(root, "profile"),
            MinScore = yaml.Get(root, "min-score") is { } m ? yaml.Number(m, "min-score", 0, 100) : null,
            Severity = Severities(yaml, yaml.Get(root, "severity")),
            RuleFolders = folders,
            Ignore = yaml.Get(root, "ignore") is { } ig ? yaml.Sequence(ig, "ignore").Children.Select(n => yaml.Scalar(n, "ignore")).ToList() : [],
            Overrides = overrides,
        };
    }

    private static Dictionary<string, (Severity, int)> Severities(YamlReader yaml, YamlNode? node)
    {
        var result = new Dictionary<string, (Severity, int)>(StringComparer.Ordinal);
        if (node is null) return result;
        foreach (var (k, v) in yaml.Mapping(node, "severity").Children)
        {
            var key = yaml.Scalar(k, "severity");
            var value = yaml.Scalar(v, key);
            if (!SeverityNames.TryParse(value, out var severity))
                throw yaml.Error(v, key, $"severity of '{key}' must be error, warning, info or none, not '{value}'");
            result[key] = (severity, YamlReader.Line(k));
        }
        return result;
    }

    public const string Starter = """
        # wgec.yaml — configuration for wgec (https://…/WgecCharacteristics). The nearest file above an input wins.

        # Characteristics to judge: core (GEN, INC, FUT, NDUP, DEV, MEAS) or full (all 18).
        profile: core

        # A proposal scoring below this is an error (exit code 1), like a quality gate. Remove to disable.
        # min-score: 50

        # Severity per rule id or per characteristic code: error, warning, info or none (none switches it off).
        # A rule id wins over its characteristic.
        severity:
          GEN: warning
          # WGEC0401: error
          # VOL: none

        # Extra rule folders, in the same YAML rule language as the built-in rules (paths relative to this file).
        # rules:
        #   - wgec-rules

        # Files not to check (globs relative to this file).
        ignore:
          - "archive/**"

        # Different settings for some paths.
        # overrides:
        #   - files: ["annexes/**"]
        #     severity: { MEAS: none }
        #     min-score: 30
        """;
}
