using Wgec.Analysis;
using Wgec.Config;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.Cli;

/// <summary>
/// What every checking command shares: inputs expanded, configuration found per file, rules loaded (with the
/// configured extra folders), documents read, and the check run with per-document severities.
/// </summary>
internal sealed class Session
{
    public required RuleSet Rules { get; init; }
    public required Checker Checker { get; init; }
    public required string Profile { get; init; }
    public required IReadOnlyList<PolicyDocument> Documents { get; init; }
    public required Func<PolicyDocument, DocumentOptions> OptionsFor { get; init; }
    /// <summary>Inputs that could not be read (missing, binary, too large…): reported as a compiler reports them,
    /// after the output for the others; the command then exits 2.</summary>
    public IReadOnlyList<WgecException> Problems { get; init; } = [];

    public CheckResult Check(IReadOnlySet<string>? baseline = null)
    {
        using var progress = Progress.Start(Documents.Sum(d => d.Proposals.Count), Checker);
        return Checker.Check(Documents, Profile, OptionsFor, baseline);
    }

    public static Session Open(Options o, TextReader? stdin, IEnumerable<string>? inputs = null, Func<string, SourceText>? read = null)
    {
        _ = EntityRecognizer.WarmUpAsync();
        var list = (inputs ?? o.Inputs).ToList();
        var files = new List<string>();
        var fromStdin = list.Contains("-");
        var problems = new List<WgecException>();
        if (list.Any(i => i != "-")) files.AddRange(InputExpander.Expand(list.Where(i => i != "-"), problems));
        RefuseToOverwrite(files, o.Output, "--output");
        RefuseToOverwrite(files, o.WriteBaseline, "--write-baseline");
        var cache = new Dictionary<string, WgecConfig?>(StringComparer.Ordinal);
        var configs = files.ToDictionary(f => f, f => WgecConfig.FindFor(f, cache));
        var stdinName = o.StdinFilename ?? "stdin.md";
        if (fromStdin) configs[stdinName] = WgecConfig.FindFor(stdinName, cache);

        var extra = configs.Values.OfType<WgecConfig>().SelectMany(c => c.RuleFolders).Distinct().ToList();
        var rules = LoadRules(o, extra);
        foreach (var c in configs.Values.OfType<WgecConfig>().Distinct()) c.Validate(rules);

        var documents = new List<PolicyDocument>();
        foreach (var f in files)
        {
            if (configs[f] is { } c && c.Ignores(f)) continue;
            try
            {
                documents.Add(read is null ? DocumentReader.ReadWithin(f, o.MaxFileBytes) : DocumentReader.Parse(read(f)));
            }
            catch (WgecException e) when (files.Count > 1 || problems.Count > 0)
            {
                problems.Add(e); // one bad file of several: the others are still checked
            }
        }
        if (fromStdin)
        {
            if (stdin is null) throw new UsageException("'-' reads standard input, but there is none");
            var bytes = System.Text.Encoding.UTF8.GetBytes(stdin.ReadToEnd());
            if (bytes.Length > o.MaxFileBytes) throw new WgecException(stdinName, null, $"standard input is larger than the limit of {o.MaxFileBytes / (1024 * 1024)} MiB (--max-file-size MIB raises it)");
            documents.Add(DocumentReader.Parse(InputFile.Decode(stdinName, bytes)));
        }
        // The profile: the command line, else the first wgec.yaml that sets one, else the first draft's front
        // matter, else core. One profile per run keeps every report's columns the same.
        var first = configs.Values.FirstOrDefault(c => c?.Profile is not null);
        var fromDraft = documents.FirstOrDefault(d => d.Profile is not null);
        if (o.Profile is null && first is null && fromDraft is not null && !rules.Profiles.ContainsKey(fromDraft.Profile!))
            throw new WgecException(fromDraft.Path, 2, $"front matter names unknown profile '{fromDraft.Profile}'; known profiles: {string.Join(", ", rules.Profiles.Keys)}", "profile");
        var profile = o.Profile ?? first?.Profile ?? fromDraft?.Profile ?? RuleSet.DefaultProfile;
        if (!rules.Profiles.ContainsKey(profile))
            throw new UsageException($"unknown profile '{profile}'; known profiles: {string.Join(", ", rules.Profiles.Keys)}");
        if (documents.Count == 0 && problems.Count > 0) throw new InputProblems(problems);
        return new Session
        {
            Rules = rules, Checker = new Checker(rules), Profile = profile, Documents = documents, Problems = problems,
            OptionsFor = d => configs.GetValueOrDefault(d.Path) is { } c
                ? new DocumentOptions { Severity = c.SeverityFor(d.Path), MinScore = c.MinScoreFor(d.Path) }
                : DocumentOptions.Default,
        };
    }

    /// <summary>An output that is one of the inputs (the same file, also through a symbolic link) would destroy it: refused before any work.</summary>
    private static void RefuseToOverwrite(IEnumerable<string> inputs, string? output, string option)
    {
        if (output is null) return;
        var target = Identity(output);
        foreach (var input in inputs)
            if (string.Equals(Identity(input), target, StringComparison.Ordinal))
                throw new UsageException($"{option} {output} is one of the inputs ({input}); nothing was written");
    }

    /// <summary>The file a path finally names: full path with every symbolic link resolved.</summary>
    private static string Identity(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null) return Path.GetFullPath(target.FullName);
            var dir = Path.GetDirectoryName(full);
            return dir is null ? full : Path.Combine(Directory.ResolveLinkTarget(dir, true)?.FullName ?? dir, Path.GetFileName(full));
        }
        catch (IOException) { return full; }
    }

    /// <summary>The one way every command loads rules: the built-in folder (or --rules) and the given rule packs.</summary>
    public static RuleSet LoadRules(Options o, IEnumerable<string> packs) =>
        RuleSetLoader.Load(o.Rules ?? Path.Combine(AppContext.BaseDirectory, "rules"), packs);

    /// <summary>The repository the inputs belong to (<see cref="DraftingRoot.Repository"/> of the first input, else of
    /// the working directory), for SARIF and annotation paths and for 'diff --git': running from outside the
    /// repository gives the same paths.</summary>
    public static string RepositoryRoot(IEnumerable<string>? inputs = null)
    {
        var first = inputs?.FirstOrDefault(i => i != "-" && i.IndexOfAny(['*', '?']) < 0);
        return DraftingRoot.Repository(first ?? Environment.CurrentDirectory);
    }
}

/// <summary>None of the inputs could be read: every problem is reported and nothing else is printed.</summary>
internal sealed class InputProblems(IReadOnlyList<WgecException> problems) : Exception("no input could be read")
{
    public IReadOnlyList<WgecException> Problems { get; } = problems;
}
