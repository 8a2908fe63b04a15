using System.Text.RegularExpressions;
using Wgec.Analysis;
using Wgec.Model;
using Wgec.Rules.Conditions;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules;

/// <summary>
/// Loads rules/ — characteristics.yaml, lexicons/*.yaml and one YAML file per rule in the other folders —
/// validating everything before anything runs. Every error names the rule file, the line and the field.
/// </summary>
public static partial class RuleSetLoader
{
    [GeneratedRegex(@"^WGEC\d{4}$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^[A-Z]{2,8}$")]
    private static partial Regex CharacteristicCode();

    private static readonly string[] RuleKeys =
        ["id", "characteristic", "polarity", "severity", "title", "message", "help", "how-to-fix", "source", "scope", "condition", "fix", "examples"];

    public static RuleSet Load(string rulesDirectory, IEnumerable<string>? extraRuleDirectories = null)
    {
        if (!Directory.Exists(rulesDirectory)) throw new WgecException(rulesDirectory, null, "rules folder not found");
        var catalogPath = Path.Combine(rulesDirectory, "characteristics.yaml");
        if (!File.Exists(catalogPath)) throw new WgecException(catalogPath, null, "characteristics catalogue not found");
        var (characteristics, profiles, tensions) = LoadCatalog(catalogPath);

        var lexicons = new Dictionary<string, Lexicon>(StringComparer.Ordinal);
        var lexiconDir = Path.Combine(rulesDirectory, "lexicons");
        if (Directory.Exists(lexiconDir))
            foreach (var file in Directory.EnumerateFiles(lexiconDir, "*.yaml").Order(StringComparer.Ordinal))
                LoadLexicons(file, lexicons);

        var leafPool = new Dictionary<string, Leaf>(StringComparer.Ordinal);
        var rules = new List<RuleDefinition>();
        var byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var ruleFiles = RuleFiles(rulesDirectory, lexiconDir, catalogPath);
        // A rule pack is a folder of rules with its own lexicons/ (a class defined twice is an error naming both files).
        foreach (var extra in (extraRuleDirectories ?? []).Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(extra)) throw new WgecException(extra, null, "extra rules folder not found");
            var extraLexicons = Path.Combine(extra, "lexicons");
            if (Directory.Exists(extraLexicons))
                foreach (var file in Directory.EnumerateFiles(extraLexicons, "*.yaml").Order(StringComparer.Ordinal))
                    LoadLexicons(file, lexicons);
            ruleFiles.AddRange(RuleFiles(extra, extraLexicons, Path.Combine(extra, "characteristics.yaml")));
        }
        foreach (var file in ruleFiles)
        {
            var rule = LoadRule(file, DisplayPath(rulesDirectory, file), characteristics, lexicons, leafPool);
            if (byId.TryGetValue(rule.Id, out var other))
                throw new WgecException(file, rule.Line, $"duplicate rule id '{rule.Id}' (also defined in {other.File})", "id");
            byId[rule.Id] = rule;
            rules.Add(rule);
        }
        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new RuleSet(characteristics, profiles, tensions, lexicons, rules, leafPool.Values.ToList());
    }

    /// <summary>Rule files sit at most a few folders down (rules/GEN/WGEC0101.yaml); deeper folders, links and hidden
    /// entries are not searched, so a mistaken rules: ["/"] is a quick clear error rather than a walk of the disk.</summary>
    private static readonly EnumerationOptions RuleSearch = new()
    {
        RecurseSubdirectories = true, MaxRecursionDepth = 3, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
        IgnoreInaccessible = false, MatchCasing = MatchCasing.CaseSensitive,
    };

    private static List<string> RuleFiles(string root, string lexiconDir, string catalogPath)
    {
        try
        {
            return Directory.EnumerateFiles(root, "*.yaml", RuleSearch)
                .Where(f => !Path.GetFullPath(f).StartsWith(Path.GetFullPath(lexiconDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                            && Path.GetFullPath(f) != Path.GetFullPath(catalogPath))
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WgecException(root, null, $"rule folder cannot be read: {e.Message}");
        }
    }

    private static (List<Characteristic>, Dictionary<string, IReadOnlyList<string>>, List<Tension>) LoadCatalog(string file)
    {
        var yaml = new YamlReader(file);
        var root = yaml.LoadMapping(File.ReadAllText(file));
        yaml.OnlyKeys(root, "the catalogue", "characteristics", "profiles", "tensions");
        var list = new List<Characteristic>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var seq = yaml.Sequence(yaml.Get(root, "characteristics") ?? throw yaml.Error(root, "characteristics", "missing 'characteristics'"), "characteristics");
        foreach (var node in seq.Children)
        {
            var map = yaml.Mapping(node, "characteristics");
            yaml.OnlyKeys(map, "a characteristic", "code", "name", "kind", "weight", "sources", "description");
            var code = yaml.RequiredString(map, "code");
            // Codes become file and folder names, SARIF tags and (prefixed) HTML attributes: keep them plain.
            if (!CharacteristicCode().IsMatch(code))
                throw yaml.Error(yaml.Get(map, "code")!, "code", $"characteristic code '{code}' must be 2 to 8 capital letters A–Z");
            if (!codes.Add(code)) throw yaml.Error(map, "code", $"characteristic '{code}' is declared twice");
            var kindText = yaml.RequiredString(map, "kind");
            var kind = kindText switch
            {
                "avoid" => CharacteristicKind.Avoid,
                "include" => CharacteristicKind.Include,
                _ => throw yaml.Error(yaml.Get(map, "kind")!, "kind", $"kind must be 'avoid' or 'include', not '{kindText}'"),
            };
            var weight = yaml.Get(map, "weight") is { } w ? yaml.Number(w, "weight", 0, 100) : 1.0;
            list.Add(new Characteristic(code, yaml.RequiredString(map, "name"), kind, yaml.RequiredString(map, "sources"), weight,
                [], yaml.OptionalString(map, "description") ?? ""));
        }

        var profiles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var profileMap = yaml.Mapping(yaml.Get(root, "profiles") ?? throw yaml.Error(root, "profiles", "missing 'profiles'"), "profiles");
        foreach (var (k, v) in profileMap.Children)
        {
            var name = yaml.Scalar(k, "profiles");
            var members = yaml.Sequence(v, name).Children.Select(c => yaml.Scalar(c, name)).ToList();
            foreach (var (m, i) in members.Select((m, i) => (m, i)))
                if (!codes.Contains(m)) throw yaml.Error(yaml.Sequence(v, name).Children[i], name, $"profile '{name}' names unknown characteristic '{m}'");
            profiles[name] = members;
        }
        var tensions = new List<Tension>();
        if (yaml.Get(root, "tensions") is { } tNode)
            foreach (var node in yaml.Sequence(tNode, "tensions").Children)
            {
                var map = yaml.Mapping(node, "tensions");
                yaml.OnlyKeys(map, "a tension", "avoid", "include", "reason");
                var a = yaml.RequiredString(map, "avoid");
                var i = yaml.RequiredString(map, "include");
                if (!codes.Contains(a) || !codes.Contains(i)) throw yaml.Error(map, "tensions", $"tension names an unknown characteristic ({a}, {i})");
                tensions.Add(new Tension(a, i, yaml.RequiredString(map, "reason")));
            }
        var withProfiles = list.Select(c => c with { Profiles = profiles.Where(p => p.Value.Contains(c.Code)).Select(p => p.Key).ToList() }).ToList();
        return (withProfiles, profiles, tensions);
    }

    private static void LoadLexicons(string file, Dictionary<string, Lexicon> lexicons)
    {
        var yaml = new YamlReader(file);
        var root = yaml.LoadMapping(File.ReadAllText(file));
        yaml.OnlyKeys(root, "a lexicon file", "lexicons");
        var map = yaml.Mapping(yaml.Get(root, "lexicons") ?? throw yaml.Error(root, "lexicons", "missing 'lexicons'"), "lexicons");
        foreach (var (k, v) in map.Children)
        {
            var name = yaml.Scalar(k, "lexicons");
            if (lexicons.TryGetValue(name, out var existing))
                throw yaml.Error(k, name, $"lexicon class '{name}' is already defined in {existing.File}");
            var body = yaml.Mapping(v, name);
            yaml.OnlyKeys(body, $"lexicon '{name}'", "description", "case-sensitive", "terms");
            var termsNode = yaml.Sequence(yaml.Get(body, "terms") ?? throw yaml.Error(body, name, $"lexicon '{name}' has no 'terms'"), "terms");
            var terms = termsNode.Children.Select(t => yaml.Scalar(t, "terms")).ToList();
            foreach (var t in termsNode.Children)
            {
                // Only a trailing * is a wildcard; one inside a word would be matched literally and never fire.
                var term = yaml.Scalar(t, "terms");
                var phrase = term.Split(" => ")[0].TrimEnd();
                if (!term.StartsWith("re:", StringComparison.Ordinal) && phrase.TrimEnd('*').Contains('*'))
                    throw yaml.Error(t, "terms", $"term '{term}': '*' is a wildcard only at the end of a word; write a 're:' term for anything else");
            }
            if (terms.Count == 0) throw yaml.Error(termsNode, "terms", $"lexicon '{name}' has an empty 'terms' list");
            var cs = yaml.Get(body, "case-sensitive") is { } c && yaml.Bool(c, "case-sensitive");
            try
            {
                lexicons[name] = new Lexicon(name, yaml.OptionalString(body, "description") ?? "", terms, cs, file, YamlReader.Line(k));
            }
            catch (ArgumentException)
            {
                // Only when the class does not compile are its terms tried one by one, to name the culprit.
                foreach (var t in termsNode.Children)
                {
                    var term = yaml.Scalar(t, "terms");
                    try { _ = new Regex(Lexicon.TermToRegex(term)); }
                    catch (ArgumentException e) { throw yaml.Error(t, "terms", $"term '{term}' does not compile: {e.Message}"); }
                }
                throw;
            }
        }
    }

    /// <summary>"rules/GEN/WGEC0101.yaml": stable whatever folder the rules were loaded from (docs and SARIF use it).</summary>
    private static string DisplayPath(string rulesDirectory, string file)
    {
        var root = Path.GetFullPath(rulesDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(file);
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? "rules/" + Path.GetRelativePath(root, full).Replace('\\', '/')
            : file.Replace('\\', '/');
    }

    private static RuleDefinition LoadRule(string file, string displayPath, List<Characteristic> characteristics,
        IReadOnlyDictionary<string, Lexicon> lexicons, Dictionary<string, Leaf> leafPool)
    {
        var yaml = new YamlReader(file);
        var map = yaml.LoadMapping(File.ReadAllText(file));
        yaml.OnlyKeys(map, "a rule", RuleKeys);
        var id = yaml.RequiredString(map, "id");
        if (!RuleId().IsMatch(id)) throw yaml.Error(yaml.Get(map, "id")!, "id", $"rule id '{id}' must look like WGEC0101 (WGEC and four digits)");
        var code = yaml.RequiredString(map, "characteristic");
        if (characteristics.All(c => c.Code != code))
            throw yaml.Error(yaml.Get(map, "characteristic")!, "characteristic", $"unknown characteristic '{code}'; see rules/characteristics.yaml");
        var polarityText = yaml.RequiredString(map, "polarity");
        var polarity = polarityText switch
        {
            "meets" => Polarity.Meets,
            "violates" => Polarity.Violates,
            _ => throw yaml.Error(yaml.Get(map, "polarity")!, "polarity", $"polarity must be 'meets' or 'violates', not '{polarityText}'"),
        };
        var severityText = yaml.OptionalString(map, "severity") ?? (polarity == Polarity.Violates ? "warning" : "info");
        if (!SeverityNames.TryParse(severityText, out var severity))
            throw yaml.Error(yaml.Get(map, "severity")!, "severity", $"severity must be error, warning, info or none, not '{severityText}'");
        var scopeText = yaml.OptionalString(map, "scope") ?? "sentence";
        var scope = scopeText switch
        {
            "sentence" => RuleScope.Sentence,
            "proposal" => RuleScope.Proposal,
            "document" => RuleScope.Document,
            _ => throw yaml.Error(yaml.Get(map, "scope")!, "scope", $"scope must be sentence, proposal or document, not '{scopeText}'"),
        };
        var conditionNode = yaml.Get(map, "condition") ?? throw yaml.Error(map, "condition", "missing required field 'condition'");
        var condition = new ConditionParser(yaml, lexicons, leafPool).Parse(conditionNode);
        if (scope != RuleScope.Document && ContainsSimilar(condition))
            throw yaml.Error(conditionNode, "condition", "'similar' compares proposals and needs 'scope: document'");

        RuleFix? fix = null;
        if (yaml.Get(map, "fix") is { } fixNode)
        {
            var f = yaml.Mapping(fixNode, "fix");
            yaml.OnlyKeys(f, "fix", "replace", "safe", "description");
            fix = new RuleFix(yaml.RequiredString(f, "replace"), yaml.Get(f, "safe") is { } s && yaml.Bool(s, "safe"),
                yaml.OptionalString(f, "description") ?? "");
        }
        var examplesNode = yaml.Get(map, "examples") ?? throw yaml.Error(map, "examples", "missing required field 'examples' (triggers and ignores)");
        var examples = yaml.Mapping(examplesNode, "examples");
        yaml.OnlyKeys(examples, "examples", "triggers", "ignores");
        var triggers = Examples(yaml, examples, "triggers", fix is not null);
        var ignores = Examples(yaml, examples, "ignores", false);

        var descriptor = new RuleDescriptor
        {
            Id = id, Characteristic = code, Polarity = polarity, DefaultSeverity = severity,
            Title = yaml.RequiredString(map, "title"), Message = yaml.RequiredString(map, "message"),
            Help = yaml.RequiredString(map, "help"), HowToFix = yaml.OptionalString(map, "how-to-fix"), Source = yaml.RequiredString(map, "source"),
            Fix = fix, File = displayPath, SourcePath = file, Line = YamlReader.Line(map),
        };
        var rule = new RuleDefinition { Descriptor = descriptor, Scope = scope, Condition = condition, Triggers = triggers, Ignores = ignores };
        RuleCompiler.CheckShape(rule);
        return rule;
    }

    /// <summary>
    /// A trigger is a string with the spans it fires on marked [|so|], or a mapping: text (marked), message (a
    /// fragment the finding's message contains) and fixed (the text after the fix; required when the rule has
    /// one, so every fix is tested). An ignore is a string with no marks.
    /// </summary>
    private static List<RuleExample> Examples(YamlReader yaml, YamlMappingNode examples, string key, bool needsFixed)
    {
        var field = "examples." + key;
        var node = yaml.Get(examples, key) ?? throw yaml.Error(examples, field, $"examples need at least one '{key}' entry");
        var list = new List<RuleExample>();
        foreach (var n in yaml.Sequence(node, field).Children)
        {
            var line = YamlReader.Line(n);
            YamlMappingNode? map = null;
            string text;
            if (key == "triggers" && n is YamlMappingNode m)
            {
                map = m;
                yaml.OnlyKeys(m, field, "text", "message", "fixed");
                text = yaml.RequiredString(m, "text");
            }
            else text = yaml.Scalar(n, field);
            var (example, problem) = RuleExample.Marked(text, line);
            if (example is null) throw new WgecException(yaml.File, line, problem!, field);
            if (key == "triggers" && example.Spans.Count == 0)
                throw new WgecException(yaml.File, line, "a 'triggers' example must mark each span the rule fires on with [| and |]", field);
            if (key == "ignores" && example.Spans.Count > 0)
                throw new WgecException(yaml.File, line, "an 'ignores' example marks nothing: the rule must not fire on it", field);
            var fixedText = map is null ? null : yaml.OptionalString(map, "fixed");
            if (needsFixed && fixedText is null)
                throw new WgecException(yaml.File, line, "the rule has a fix, so each trigger gives the text after it: write the trigger as {text: …, fixed: …}", field + ".fixed");
            if (!needsFixed && fixedText is not null)
                throw yaml.Error(yaml.Get(map!, "fixed")!, field + ".fixed", "'fixed' is the text after the rule's fix, and this rule has no 'fix:'");
            list.Add(example with { Message = map is null ? null : yaml.OptionalString(map, "message"), Fixed = fixedText });
        }
        if (list.Count == 0) throw yaml.Error(node, field, $"examples need at least one '{key}' entry");
        return list;
    }

    private static bool ContainsSimilar(Condition c) => c switch
    {
        LeafCondition l => l.Leaf.NeedsDocument,
        AllCondition a => a.Items.Any(ContainsSimilar),
        AnyCondition a => a.Items.Any(ContainsSimilar),
        NotCondition n => ContainsSimilar(n.Item),
        NearCondition n => n.Items.Any(ContainsSimilar),
        _ => false,
    };
}
