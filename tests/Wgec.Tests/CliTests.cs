using System.Text.RegularExpressions;
using FluentAssertions;
using Snapshooter.Xunit;
using Wgec.Cli;
using Wgec.Reporting;

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
        // A real process in the repository, so the test's own working directory is never changed.
        var (code, json, err) = TestProcess.Wgec(TestPaths.Root, ["check", "fixtures/wgec-compilation-2017.txt", "--profile", "full", "--format", "json", "--rules", TestPaths.Rules]);
        code.Should().Be(0, err);
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

    [Theory]
    [InlineData("check")]
    [InlineData("report")]
    public void Every_registered_format_is_offered_in_help_and_accepted(string command)
    {
        var formats = OutputFormats.Of(command);
        formats.Should().NotBeEmpty();
        var (_, help, _) = Run(command, "--help");
        help.Should().Contain("--format " + string.Join('|', formats.Select(f => f.Name)));
        var draft = Path.Combine(TestPaths.Drafts, "characteristics-draft.md");
        foreach (var f in formats)
        {
            help.Should().MatchRegex($@"(?m)^\s+{f.Name}\s+\S", "each format has a line of help");
            var (code, output, err) = Run(command, draft, "--format", f.Name);
            code.Should().BeOneOf([0, 1], err);
            output.Should().NotBeEmpty(f.Name);
        }
        var (bad, _, message) = Run(command, draft, "--format", "no-such-format");
        bad.Should().Be(2);
        message.Should().Contain(string.Join(", ", formats.SkipLast(1).Select(f => f.Name)) + " or " + formats[^1].Name);
    }

    [Fact]
    public void Eval_prints_kappa_per_characteristic()
    {
        var (code, output, _) = Run("eval", "--gold", TestPaths.Gold, TestPaths.Compilation, "--profile", "full");
        code.Should().Be(0);
        output.Should().MatchRegex(@"(?m)^GEN\s+72\s+\d\.\d{3}");
        Regex.Matches(output, @"(?m)^[A-Z]{2,5}\s+72\s").Count.Should().Be(18);
    }

    [Fact]
    public void Eval_takes_several_gold_files_and_reports_each_document()
    {
        var (code, output, _) = Run("eval", "--gold", TestPaths.Gold, TestPaths.CorpusGold, TestPaths.Compilation, TestPaths.Corpus, "--profile", "full");
        code.Should().Be(0);
        output.Should().StartWith("252 labelled items compared\n", "ids of the form stem:ID and bare ids all find their proposal");
        Regex.Matches(output, @"(?m)^[a-z0-9-]+\s+(?:20|72)\s+-?\d\.\d{3}\s+-?\d\.\d{3}$").Count.Should().Be(10);
        output.Should().MatchRegex(@"(?m)^macro over documents\s+10\s+\d\.\d{3}\s+\d\.\d{3}$");
    }

    [Fact]
    public void Eval_json_has_per_document_rows_and_disagreements_with_their_evidence()
    {
        var (code, output, _) = Run("eval", "--gold", TestPaths.CorpusGold, TestPaths.Corpus, "--profile", "full", "--format", "json", "--disagreements");
        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("items").GetInt32().Should().Be(180);
        doc.RootElement.GetProperty("documents").GetArrayLength().Should().Be(9);
        var disagreements = doc.RootElement.GetProperty("disagreements").EnumerateArray().ToList();
        disagreements.Should().NotBeEmpty();
        // A "violates" verdict the label does not share always has the words that decided it.
        disagreements.Where(d => d.GetProperty("verdict").GetString() == "violates")
            .Should().OnlyContain(d => d.GetProperty("evidence").GetArrayLength() > 0);
    }

    [Fact]
    public void Eval_disagreements_in_text_show_the_deciding_words_or_that_nothing_fired()
    {
        var (_, output, _) = Run("eval", "--gold", TestPaths.CorpusGold, TestPaths.Corpus, "--profile", "full", "--disagreements");
        var section = output[output.IndexOf("disagreements (", StringComparison.Ordinal)..];
        section.Should().MatchRegex(@"(?m)^  [a-z-]+:\S+ [A-Z]+ label \S+, verdict \S+\n      (?:nothing fired|\d+:\d+ WGEC\d{4} (?:meets|violates) '.+')$");
    }

    [Fact]
    public void Eval_rejects_a_gold_column_that_is_no_characteristic()
    {
        var dir = Directory.CreateTempSubdirectory("wgec-eval-").FullName;
        try
        {
            var gold = Path.Combine(dir, "g.tsv");
            File.WriteAllText(gold, "id\tGEN\tGENN\nR2\tv\tm\n");
            var (code, _, err) = Run("eval", "--gold", gold, TestPaths.Compilation);
            code.Should().Be(2);
            err.Should().Contain("g.tsv(1): error [GENN]: column 'GENN' is not a characteristic of the catalogue");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Eval_reports_a_bare_id_that_several_documents_share_rather_than_guessing()
    {
        var dir = Directory.CreateTempSubdirectory("wgec-eval-").FullName;
        try
        {
            var gold = Path.Combine(dir, "g.tsv");
            // R1 is in the compilation and in the business recommendations; P1 only in the member submission.
            File.WriteAllText(gold, "id\tGEN\nR1\tv\nwgec-member-submission:P1\tm\n");
            var (code, output, _) = Run("eval", "--gold", gold, TestPaths.Compilation, Path.Combine(TestPaths.Corpus, "business-association-recommendations.md"),
                Path.Combine(TestPaths.Corpus, "wgec-member-submission.md"));
            code.Should().Be(0);
            output.Should().Contain("R1 (in 2 documents: write stem:R1)");
        }
        finally { Directory.Delete(dir, true); }
    }
}
