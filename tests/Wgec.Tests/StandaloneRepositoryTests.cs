using FluentAssertions;

namespace Wgec.Tests;

/// <summary>A user's clone has no shared folder beside it: nothing the code, tests, benchmarks or README commands read may live there.</summary>
public class StandaloneRepositoryTests
{
    // Built from parts so that this file does not match itself.
    private static readonly string Forbidden = string.Concat("..", "/", "sha", "red");

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

    [Fact]
    public void A_copy_without_git_gives_the_same_output_and_fingerprints()
    {
        // A source archive or a container build has no .git: the project's own wgec.yaml anchors fingerprints.
        var copy = Directory.CreateTempSubdirectory("wgec-nogit-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(copy, "fixtures"));
            File.Copy(TestPaths.Compilation, Path.Combine(copy, "fixtures", "wgec-compilation-2017.txt"));
            File.Copy(Path.Combine(TestPaths.Root, "wgec.yaml"), Path.Combine(copy, "wgec.yaml"));
            var inRepo = CliTests.Run("check", TestPaths.Compilation, "--format", "sarif").Out;
            var inCopy = CliTests.Run("check", Path.Combine(copy, "fixtures", "wgec-compilation-2017.txt"), "--format", "sarif").Out;
            static IEnumerable<string> Prints(string sarif) => System.Text.RegularExpressions.Regex.Matches(sarif, "\"wgecFindingHash/v1\": \"([0-9a-f]+)\"").Select(m => m.Groups[1].Value);
            Prints(inRepo).Should().NotBeEmpty().And.Equal(Prints(inCopy));
        }
        finally { Directory.Delete(copy, true); }
    }

    [Fact]
    public void A_configuration_of_comments_only_is_every_default()
    {
        var dir = Directory.CreateTempSubdirectory("wgec-conf-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "wgec.yaml"), "# nothing set yet\n");
            File.WriteAllText(Path.Combine(dir, "d.md"), "## A1 T\nThe USA should cooperate.\n");
            var (code, output, err) = CliTests.Run("check", Path.Combine(dir, "d.md"), "--rules", TestPaths.Rules);
            code.Should().Be(0, err);
            output.Should().Contain("warning WGEC0103").And.Contain("(profile core)");
        }
        finally { Directory.Delete(dir, true); }
    }
}
