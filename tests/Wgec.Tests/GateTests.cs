using System.Text.Json;
using FluentAssertions;
using Wgec.Engine;
using NJsonSchema;

namespace Wgec.Tests;

/// <summary>The CI gate: SARIF, GitHub annotations, configuration, suppressions, baseline, stdin.</summary>
public class GateTests : TempDirectoryTest
{
    private static readonly string Repo = Path.Combine(TestPaths.Root, "fixtures", "drafting-repo");

    private string CopyRepo()
    {
        var target = Path.Combine(Dir, "repo");
        foreach (var file in Directory.EnumerateFiles(Repo, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Repo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static IEnumerable<JsonElement> Diagnostics(JsonElement root) =>
        root.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("proposals").EnumerateArray())
            .SelectMany(p => p.GetProperty("diagnostics").EnumerateArray());

    [Fact]
    public async Task Sarif_of_the_compilation_validates_against_the_official_schema()
    {
        var (code, sarif, _) = CliTests.Run("check", TestPaths.Compilation, "--profile", "full", "--format", "sarif");
        code.Should().Be(0);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        schema.Validate(sarif).Should().BeEmpty();
        var run = Json(sarif).GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(TestPaths.RuleSet.Rules.Count + Wgec.Engine.BuiltInRules.All.Count);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Where(r => r.GetProperty("ruleId").GetString() == "WGEC0402")
            .Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("relatedLocations").GetArrayLength() == 1);
        results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .Should().Be("fixtures/wgec-compilation-2017.txt");
    }

    [Fact]
    public async Task Sarif_with_suppressions_and_document_findings_validates_too()
    {
        var repo = CopyRepo();
        var (code, sarif, _) = CliTests.Run("check", Path.Combine(repo, "drafts"), "--format", "sarif");
        code.Should().Be(0);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        schema.Validate(sarif).Should().BeEmpty();
        var results = Json(sarif).GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Where(r => r.TryGetProperty("suppressions", out _)).Select(r => r.GetProperty("suppressions")[0].GetProperty("kind").GetString())
            .Should().Equal("inSource", "inSource");
        results.Should().Contain(r => r.GetProperty("ruleId").GetString() == "WGEC0001");
    }

    [Fact]
    public void A_malformed_sarif_log_is_rejected_by_the_schema_check()
    {
        var schema = JsonSchema.FromFileAsync(TestPaths.SarifSchema).Result;
        schema.Validate("""{"version": "2.1.0", "runs": [{"results": []}]}""").Should().NotBeEmpty("a run needs a tool");
    }

    [Fact]
    public void Fingerprints_survive_a_blank_line_inserted_above_a_proposal()
    {
        var original = File.ReadAllText(TestPaths.Compilation);
        var path = Path.Combine(Dir, "compilation.txt");
        List<(string Print, int Line)> Results()
        {
            return Json(CliTests.Run("check", path, "--format", "sarif").Out).GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => (r.GetProperty("partialFingerprints").GetProperty("wgecFindingHash/v1").GetString()!,
                    r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
                .ToList();
        }
        File.WriteAllText(path, original);
        var before = Results();
        File.WriteAllText(path, original.Replace("Recommendation 2. Richard Hill, APIG", "\nRecommendation 2. Richard Hill, APIG"));
        var after = Results();
        after.Select(r => r.Print).Should().Equal(before.Select(r => r.Print));
        after.Select(r => r.Line).Should().NotEqual(before.Select(r => r.Line), "the lines did move");
    }

    [Fact]
    public void Github_format_prints_workflow_annotations()
    {
        var (_, output, _) = CliTests.Run("check", TestPaths.Compilation, "--format", "github");
        output.Should().MatchRegex(@"(?m)^::warning file=.*wgec-compilation-2017\.txt,line=160,col=51,endLine=160,endColumn=\d+,title=WGEC0101 \[GEN\] .+::'UNCTAD and UNCITRAL be mandated'");
        output.Should().Contain("::notice file=", "meets evidence is shown as notices");
    }

    [Fact]
    public void Configuration_sets_severities_overrides_ignores_and_suppressions()
    {
        var repo = CopyRepo();
        var (code, json, err) = CliTests.Run("check", repo, "--format", "json");
        err.Should().BeEmpty();
        code.Should().Be(0);
        var root = Json(json);
        root.GetProperty("documents").EnumerateArray().Select(d => Path.GetRelativePath(repo, d.GetProperty("path").GetString()!).Replace('\\', '/'))
            .Should().BeEquivalentTo(["drafts/annex/annex.md", "drafts/proposals.md"], "archive/** is ignored");
        var annexCountry = Diagnostics(root).Single(d => d.GetProperty("id").GetString() == "WGEC0103");
        annexCountry.GetProperty("severity").GetString().Should().Be("warning", "the annex override lowers the error to a warning");
        Diagnostics(root).Where(d => d.GetProperty("characteristic").GetString() == "FUT")
            .Should().NotBeEmpty().And.OnlyContain(d => d.GetProperty("severity").GetString() == "info", "FUT: info applies to the whole characteristic");
        var suppressed = Diagnostics(root).Where(d => d.TryGetProperty("suppressed", out _)).ToList();
        suppressed.Select(d => d.GetProperty("id").GetString()).Should().BeEquivalentTo(["WGEC0101", "WGEC0401"]);
        suppressed.Single(d => d.GetProperty("id").GetString() == "WGEC0101").GetProperty("suppressed").GetProperty("justification").GetString()
            .Should().Be("the plenary asked for a named study");
        var docDiagnostics = root.GetProperty("documents")[1].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString());
        docDiagnostics.Should().BeEquivalentTo(["WGEC0001", "WGEC0002"], "one suppression has no reason, one suppresses nothing");
    }

    [Fact]
    public void Country_named_outside_the_annex_is_an_error_and_fails_the_gate()
    {
        var repo = CopyRepo();
        File.WriteAllText(Path.Combine(repo, "drafts", "new.md"), "## N1\nThe USA should cooperate with all stakeholders.\n");
        var (code, output, _) = CliTests.Run("check", Path.Combine(repo, "drafts"));
        code.Should().Be(1);
        output.Should().Contain("error WGEC0103");
    }

    [Fact]
    public void Min_score_is_a_quality_gate()
    {
        var repo = CopyRepo();
        File.WriteAllText(Path.Combine(repo, "wgec.yaml"), "min-score: 95\n");
        var (code, output, _) = CliTests.Run("check", Path.Combine(repo, "drafts"));
        code.Should().Be(1);
        output.Should().Contain("error: proposal P2 scores below the minimum of 95.0");
    }

    [Theory]
    [InlineData("profle: core\n", "wgec.yaml(1): error [profle]: unknown key 'profle'")]
    [InlineData("severity:\n  GEN: loud\n", "wgec.yaml(2): error [GEN]: severity of 'GEN' must be error, warning, info or none, not 'loud'")]
    [InlineData("severity:\n  WGEC9999: error\n", "wgec.yaml(2): error [severity]: 'WGEC9999' is neither a rule id nor a characteristic code")]
    [InlineData("rules:\n  - nowhere\n", "wgec.yaml(2): error [rules]: rule folder 'nowhere' not found")]
    public void Bad_configuration_is_an_error_with_file_and_line(string yaml, string expected)
    {
        File.WriteAllText(Path.Combine(Dir, "wgec.yaml"), yaml);
        File.WriteAllText(Path.Combine(Dir, "d.md"), "## A\nStakeholders should share information.\n");
        var (code, _, err) = CliTests.Run("check", Path.Combine(Dir, "d.md"));
        code.Should().Be(2);
        err.Should().Contain(expected);
    }

    [Fact]
    public void Every_built_in_rule_can_be_given_a_severity_in_the_configuration()
    {
        // The configuration knows the built-in ids from the one list of built-in rules (it once knew only two).
        var severities = string.Concat(BuiltInRules.All.Select(r => $"  {r.Id}: {(r == BuiltInRules.MalformedSuppression ? "error" : "info")}\n"));
        File.WriteAllText(Path.Combine(Dir, "wgec.yaml"), "severity:\n" + severities);
        File.WriteAllText(Path.Combine(Dir, "d.md"), "## A\n<!-- wgec-disable-next-line wgec1802 reason=\"x\" -->\nStakeholders should share information.\n");
        var (code, output, err) = CliTests.Run("check", Path.Combine(Dir, "d.md"));
        err.Should().NotContain("neither a rule id");
        code.Should().Be(1);
        output.Should().Contain("error WGEC0004");
    }

    [Fact]
    public void Nearest_configuration_wins_and_extra_rule_folders_are_loaded()
    {
        var inner = Path.Combine(Dir, "inner");
        Directory.CreateDirectory(Path.Combine(inner, "myrules"));
        File.WriteAllText(Path.Combine(Dir, "wgec.yaml"), "severity:\n  GEN: error\n");
        File.WriteAllText(Path.Combine(inner, "wgec.yaml"), "rules:\n  - myrules\nseverity:\n  WGEC9100: error\n");
        File.WriteAllText(Path.Combine(inner, "myrules", "WGEC9100.yaml"), """
            id: WGEC9100
            characteristic: FUT
            polarity: violates
            title: Fax machines
            message: "'{text}' is dated technology"
            help: Do not rely on fax.
            source: Rec 74
            condition:
              pattern: '\bfax\b'
            examples:
              triggers: ["send a [|fax|]"]
              ignores: ["send a letter"]
            """);
        File.WriteAllText(Path.Combine(inner, "d.md"), "## A\nThe USA should send a fax to all stakeholders.\n");
        var (code, output, _) = CliTests.Run("check", Path.Combine(inner, "d.md"));
        code.Should().Be(1);
        output.Should().Contain("error WGEC9100: 'fax' is dated technology [FUT]");
        output.Should().Contain("warning WGEC0103", "the outer GEN: error does not apply: the nearest wgec.yaml wins");
    }

    [Fact]
    public void Init_writes_a_starter_that_loads_and_refuses_to_overwrite()
    {
        CliTests.Run("init", Dir).Code.Should().Be(0);
        File.ReadAllText(Path.Combine(Dir, "wgec.yaml")).Should().Contain("min-score").And.Contain("overrides");
        File.WriteAllText(Path.Combine(Dir, "d.md"), "## A\nStakeholders should share information.\n");
        CliTests.Run("check", Path.Combine(Dir, "d.md")).Code.Should().Be(0);
        var (code, _, err) = CliTests.Run("init", Dir);
        code.Should().Be(2);
        err.Should().Contain("already exists");
    }

    [Fact]
    public void Baseline_reports_only_new_findings_and_counts_fixed_ones()
    {
        var repo = CopyRepo();
        var drafts = Path.Combine(repo, "drafts");
        var baseline = Path.Combine(repo, ".wgec-baseline.json");
        CliTests.Run("check", drafts, "--write-baseline", baseline).Code.Should().Be(0);
        File.ReadAllText(baseline).Should().Contain("\"ruleId\": \"WGEC0103\"");

        var (_, quiet, _) = CliTests.Run("check", drafts, "--baseline", baseline);
        quiet.Should().NotContain("WGEC0103").And.Contain("baselined, 0 baseline entries now fixed");

        var file = Path.Combine(drafts, "annex", "annex.md");
        File.WriteAllText(file, "## A1 Annex item\n\nStakeholders should cooperate on capacity building in Japan.\n");
        var (_, after, _) = CliTests.Run("check", drafts, "--baseline", baseline);
        after.Should().Contain("WGEC0103: 'Japan'").And.MatchRegex(@"\d+ baseline entries now fixed").And.NotContain(" 0 baseline entries now fixed");
    }

    [Fact]
    public void The_committed_baseline_of_the_fixture_repository_accepts_todays_findings()
    {
        var repo = CopyRepo();
        var (code, output, _) = CliTests.Run("check", Path.Combine(repo, "drafts"), "--baseline", Path.Combine(repo, ".wgec-baseline.json"));
        code.Should().Be(0);
        output.Should().MatchRegex(@"0 error\(s\), 0 warning\(s\), 0 info, 2 suppressed in source, \d+ baselined, 0 baseline entries now fixed");
    }

    [Fact]
    public void Standard_input_with_a_file_name()
    {
        var stdout = new StringWriter();
        var code = Wgec.Cli.CommandLine.RunAsync(["check", "-", "--stdin-filename", "editor.md", "--rules", TestPaths.Rules],
            stdout, new StringWriter(), new StringReader("## E1\nIt is proposed that UNCTAD be mandated to study data.\n")).Result;
        code.Should().Be(0);
        stdout.ToString().Should().Contain("editor.md(2,21): warning WGEC0101");
    }
}
