using System.Runtime.CompilerServices;
using Wgec.Rules;

namespace Wgec.Tests;

/// <summary>Locates the repository (rules/, fixtures/) from the test assembly, and shares one loaded rule set.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();
    public static string Rules => Path.Combine(Root, "rules");
    public static string Compilation => Path.Combine(Root, "fixtures", "wgec-compilation-2017.txt");
    public static string Drafts => Path.Combine(Root, "fixtures", "drafts");
    public static string Gold => Path.Combine(Root, "fixtures", "gold", "compilation-dev.tsv");
    public static string CorpusGold => Path.Combine(Root, "fixtures", "gold", "corpus-dev.tsv");
    public static string Corpus => Path.Combine(Root, "fixtures", "corpus");
    public static string SarifSchema => Path.Combine(Root, "tests", "Wgec.Tests", "Schemas", "sarif-schema-2.1.0.json");

    private static readonly Lazy<RuleSet> Loaded = new(() => RuleSetLoader.Load(Rules));
    public static RuleSet RuleSet => Loaded.Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgecCharacteristics.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

internal static class StrictSnapshots
{
    /// <summary>Under CI a missing or different snapshot fails instead of being written.</summary>
    [ModuleInitializer]
    internal static void Init()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");
    }
}
