using System.Globalization;
using System.Text.Json.Nodes;
using Wgec.Config;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.LanguageServer;

/// <summary>
/// Checks an editor's text as 'wgec check' checks a file: the nearest wgec.yaml (read again when it changes on
/// disk), its rule packs and the editor's settings, the same reader and engine. Rule sets are compiled once per
/// set of rule folders and shared by every draft; each draft keeps a <see cref="DocumentCache"/> so only edited
/// proposals are fired again.
/// </summary>
public sealed class DraftChecker(string builtInRules)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (DateTime Written, long Length, WgecConfig? Config, WgecException? Error)> _configs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<(RuleSet Rules, Checker Checker)>> _ruleSets = new(StringComparer.Ordinal);
    private ServerSettings _settings = new();

    public ServerSettings Settings
    {
        get { lock (_gate) return _settings; }
        set
        {
            lock (_gate)
            {
                if (!_settings.Rules.SequenceEqual(value.Rules)) _ruleSets.Clear();
                _settings = value;
            }
        }
    }

    /// <summary>Every wgec.yaml is read again at its next use (a change the file's time and size would not show).</summary>
    public void ForgetConfigurations()
    {
        lock (_gate) _configs.Clear();
    }

    /// <summary>The rule set every draft without a wgec.yaml uses: compiled at start so the first check is quick.</summary>
    public void WarmUp() => RulesFor([]);

    internal DraftCheck Check(OpenDraft draft, string text, int version, DraftChecking state)
    {
        var settings = Settings;
        var source = new SourceText(draft.Path, text);
        var resultId = version.ToString(CultureInfo.InvariantCulture) + "." + Interlocked.Increment(ref state.Generation).ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text)) return new DraftCheck { Version = version, Source = source, Diagnostics = [], ResultId = resultId };
        try
        {
            var config = ConfigFor(draft.Path);
            if (config is not null && config.Ignores(draft.Path))
                return new DraftCheck { Version = version, Source = source, Diagnostics = [], ResultId = resultId };
            var (rules, checker) = RulesFor(config?.RuleFolders.Concat(settings.Rules).Distinct().ToList() ?? settings.Rules);
            config?.Validate(rules);
            var document = DocumentReader.Parse(source);
            var profile = settings.Profile ?? config?.Profile ?? document.Profile ?? Wgec.Rules.RuleSet.DefaultProfile;
            if (!rules.Profiles.ContainsKey(profile))
                throw new WgecException(config?.Path ?? draft.Path, null, $"unknown profile '{profile}'; known profiles: {string.Join(", ", rules.Profiles.Keys)}", "profile");
            var fromConfig = config?.SeverityFor(draft.Path);
            var options = new DocumentOptions
            {
                Severity = r => settings.Severity.TryGetValue(r.Id, out var s) ? s : fromConfig?.Invoke(r) ?? r.DefaultSeverity,
                MinScore = config?.MinScoreFor(draft.Path),
            };
            if (!ReferenceEquals(state.CacheChecker, checker)) (state.Cache, state.CacheChecker) = (new DocumentCache(), checker);
            var result = checker.CheckDocument(document, rules.ProfileCharacteristics(profile), options, baseline: null, state.Cache, state.Cancel.Token);
            return new DraftCheck
            {
                Version = version, Source = source, Result = result, Rules = rules, Checker = checker, Record = state.Cache.LastCheck,
                Profile = profile, Diagnostics = LspDiagnostics.Of(result, draft.Uri, settings), ResultId = resultId,
            };
        }
        catch (WgecException e)
        {
            return new DraftCheck { Version = version, Source = source, Diagnostics = [LspDiagnostics.Problem(source, e)], ResultId = resultId };
        }
    }

    /// <summary>The draft's wgec.yaml (<see cref="DraftingRoot"/>), loaded again only when its time or size on disk changed.</summary>
    private WgecConfig? ConfigFor(string path)
    {
        if (DraftingRoot.ConfigFile(path) is not { } candidate) return null;
        var info = new FileInfo(candidate);
        lock (_gate)
        {
            if (_configs.TryGetValue(candidate, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
                return known.Error is null ? known.Config : throw known.Error;
        }
        WgecConfig? config = null;
        WgecException? error = null;
        try { config = WgecConfig.Load(candidate); }
        catch (WgecException e) { error = e; }
        lock (_gate) _configs[candidate] = (info.LastWriteTimeUtc, info.Length, config, error);
        return error is null ? config : throw error;
    }

    private (RuleSet Rules, Checker Checker) RulesFor(IReadOnlyList<string> packs)
    {
        var key = string.Join('\n', packs);
        Lazy<(RuleSet, Checker)> compiled;
        lock (_gate)
        {
            if (!_ruleSets.TryGetValue(key, out compiled!))
                _ruleSets[key] = compiled = new(() => { var rules = RuleSetLoader.Load(builtInRules, packs); return (rules, new Checker(rules)); });
        }
        // Compiled outside the lock, so drafts with other rule packs are not held up; once per set, so a draft
        // checked while the start-up warm-up compiles waits for it and keeps one checker (and its cache). A
        // broken pack's error is kept too, until the settings change.
        return compiled.Value;
    }
}
