using System.Text.RegularExpressions;
using FluentAssertions;
using Snapshooter.Xunit;
using Wgec.Cli;

namespace Wgec.Tests;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.RunAsync([.. args, .. (args.Contains("--rules") || args.Length == 0 || args[0].StartsWith('-') ? [] : new[] { "--rules", TestPaths.Rules })], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Rel(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    [Fact]
    public void Text_output_is_compiler_style()
    {
        var (code, output, _) = Run("check", TestPaths.Compilation);
        code.Should().Be(0);
        output.Should().MatchRegex(@"wgec-compilation-2017\.txt\(160,\d+\): warning WGEC0101: .+ \[GEN\]");
        output.Should().Contain("  verdicts: GEN violates · INC not-addressed");
        output.Should().Contain("144 proposals, document score");
    }

    [Fact]
    public void Json_of_the_whole_compilation_matches_the_snapshot()
    {
        Environment.CurrentDirectory = TestPaths.Root;
        var (code, json, _) = Run("check", "fixtures/wgec-compilation-2017.txt", "--profile", "full", "--format", "json");
        code.Should().Be(0);
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(json));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var a = Run("check", TestPaths.Compilation, "--format", "json", "--profile", "full").Out;
        var b = Run("check", TestPaths.Compilation, "--format", "json", "--profile", "full").Out;
        a.Should().Be(b);
        a.Should().Contain("\"GEN\": \"violates\"").And.Contain("\"VOL\":");
    }

    [Fact]
    public void Folder_of_drafts_and_output_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wgec-{Guid.NewGuid():N}.json");
        var (code, _, _) = Run("check", TestPaths.Drafts, "--format", "json", "--output", file);
        code.Should().Be(0);
        var json = File.ReadAllText(file);
        json.Should().Contain("\"id\": \"D2\"").And.Contain("\"id\": \"single-proposal\"");
        File.Delete(file);
    }

    [Fact]
    public void Globs_expand_to_matching_files_only()
    {
        var (code, output, _) = CliTests.Run("check", Path.Combine(TestPaths.Drafts, "*.md"), "--format", "json");
        code.Should().Be(0);
        output.Should().Contain("characteristics-draft.md").And.NotContain("single-proposal.txt");
        var (missing, _, err) = CliTests.Run("check", Path.Combine(TestPaths.Drafts, "*.docx"));
        missing.Should().Be(2);
        err.Should().Contain("pattern matches no file");
    }

    [Fact]
    public void Help_for_every_command()
    {
        foreach (var cmd in new[] { "check", "eval", "rules", "explain", "init", "diff", "fix", "report" })
        {
            var (code, output, _) = Run(cmd, "--help");
            code.Should().Be(0);
            output.Should().Contain("wgec " + cmd);
        }
    }

    [Fact]
    public void Eval_prints_kappa_per_characteristic()
    {
        var (code, output, _) = Run("eval", "--gold", TestPaths.Gold, TestPaths.Compilation, "--profile", "full");
        code.Should().Be(0);
        output.Should().MatchRegex(@"(?m)^GEN\s+72\s+\d\.\d{3}");
        Regex.Matches(output, @"(?m)^[A-Z]{2,5}\s+72\s").Count.Should().Be(18);
    }
}
