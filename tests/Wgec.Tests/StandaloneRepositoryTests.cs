using FluentAssertions;

namespace Wgec.Tests;

/// <summary>A user's clone has no shared folder beside it: nothing the code, tests, benchmarks or README commands read may live there.</summary>
public class StandaloneRepositoryTests
{
    // Built from parts so that this file does not match itself.
    private static readonly string Forbidden = string.Join("/", "..", "shared");

    [Fact]
    public void No_code_test_benchmark_or_ci_script_refers_to_the_shared_folder()
    {
        var roots = new[] { "src", "tests", "bench", ".ci" }.Select(r => Path.Combine(TestPaths.Root, r));
        var offenders = roots.Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}TestResults{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".props" or ".sh" or ".json" or ".yaml" or ".md" or "" )
            .Where(f => File.ReadAllText(f).Contains(Forbidden, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.Root, f)).ToList();
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void The_readme_commands_refer_to_the_repository_only()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md"));
        var commands = System.Text.RegularExpressions.Regex.Matches(readme, "(?s)```(?:sh|bash)?\\n(.*?)```").Select(m => m.Groups[1].Value)
            .Concat(System.Text.RegularExpressions.Regex.Matches(readme, "`([^`\\n]*wgec [^`\\n]*)`").Select(m => m.Groups[1].Value)).ToList();
        commands.Should().NotBeEmpty();
        commands.Should().NotContain(c => c.Contains(Forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void The_labelled_corpus_the_tests_use_is_in_the_repository()
    {
        File.Exists(TestPaths.Gold).Should().BeTrue();
        File.Exists(TestPaths.CorpusGold).Should().BeTrue();
        File.Exists(TestPaths.SarifSchema).Should().BeTrue();
        Directory.GetFiles(TestPaths.Corpus, "*.md").Should().HaveCount(9);
        File.Exists(Path.Combine(TestPaths.Root, "docs", "characteristics.md")).Should().BeTrue();
    }
}
