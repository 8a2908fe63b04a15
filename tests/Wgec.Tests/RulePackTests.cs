using FluentAssertions;

namespace Wgec.Tests;

/// <summary>A user's rule pack (a folder with rules and its own lexicons, wired by wgec.yaml) works in every command.</summary>
public class RulePackTests : TempDirectoryTest
{
    private const string PackRule = """
        id: WGEC9001
        characteristic: GEN
        polarity: violates
        title: Gadgets are named
        message: "'{text}' names a gadget"
        help: A recommendation should not name gadgets.
        how-to-fix: Name the function, not the gadget.
        source: Rec 84
        condition:
          lexicon: pack-gadget
        examples:
          triggers: ["Every school needs a [|smartboard|]."]
          ignores: ["Every school needs teaching tools."]
        """;

    private string MakeRepo()
    {
        Write("repo/wgec.yaml", "rules: [pack]\n");
        Write("repo/pack/GEN/WGEC9001.yaml", PackRule);
        Write("repo/pack/lexicons/gadgets.yaml", "lexicons:\n  pack-gadget:\n    description: Gadgets.\n    terms:\n      - smartboard\n");
        Write("repo/d.md", "## A1 Schools\nEvery school should get a smartboard.\n");
        return Path.Combine(Dir, "repo");
    }

    private static (int Code, string Out, string Err) RunIn(string dir, params string[] args) =>
        TestProcess.Wgec(dir, [.. args, "--rules", TestPaths.Rules]);

    [Fact]
    public void Check_uses_the_packs_rule_and_its_own_lexicon()
    {
        var repo = MakeRepo();
        var (code, output, err) = CliTests.Run("check", Path.Combine(repo, "d.md"), "--rules", TestPaths.Rules);
        code.Should().Be(0, err);
        output.Should().Contain("d.md(2,27): warning WGEC9001: 'smartboard' names a gadget [GEN]");
    }

    [Fact]
    public void Rules_explain_and_write_docs_see_the_pack_too()
    {
        var repo = MakeRepo();
        var list = RunIn(repo, "rules", "--characteristic", "GEN");
        list.Code.Should().Be(0, list.Err);
        list.Out.Should().Contain("WGEC9001  GEN    violates  warning  Gadgets are named");

        var page = RunIn(repo, "explain", "WGEC9001");
        page.Code.Should().Be(0, page.Err);
        page.Out.Should().StartWith("# WGEC9001: Gadgets are named").And.Contain("## How to fix\n\nName the function, not the gadget.");

        var docs = RunIn(repo, "rules", "--write-docs", "pages");
        docs.Code.Should().Be(0, docs.Err);
        File.ReadAllText(Path.Combine(repo, "pages", "WGEC9001.md")).Should().Be(page.Out);
    }

    [Fact]
    public void A_lexicon_class_defined_by_the_pack_and_the_built_in_rules_is_an_error_naming_both()
    {
        var repo = MakeRepo();
        Write("repo/pack/lexicons/clash.yaml", "lexicons:\n  named-body:\n    terms:\n      - gizmo corp\n");
        var (code, stdout, err) = CliTests.Run("check", Path.Combine(repo, "d.md"), "--rules", TestPaths.Rules);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        err.Should().Contain("clash.yaml(2): error [named-body]: lexicon class 'named-body' is already defined in")
            .And.Contain("bodies.yaml");
    }

    [Fact]
    public void Rules_test_runs_the_packs_examples_and_passes_when_they_show_what_the_rule_promises()
    {
        var repo = MakeRepo();
        var (code, output, err) = RunIn(repo, "rules", "--test", "--characteristic", "GEN");
        code.Should().Be(0, err + output);
        output.Should().MatchRegex(@"^(\d+) of \1 examples of \d+ rules show what their rule promises\n$");
    }

    [Theory]
    [InlineData("triggers: [\"Every [|school|] needs a smartboard.\"]", "the trigger fires on 'smartboard', not on exactly the marked 'school'")]
    [InlineData("triggers: [\"Every school needs a [|smartboard|] and a [|kiosk|].\"]", "the trigger fires on 'smartboard', not on exactly the marked 'smartboard', 'kiosk'")]
    [InlineData("triggers: [{text: \"A [|smartboard|].\", message: \"names a device\"}]", "no message contains \"names a device\"; the message is \"'smartboard' names a gadget\"")]
    [InlineData("triggers: [\"A blackboard.\"]", null)]
    [InlineData("triggers: [\"A [|smartboard|].\"]\n  ignores: [\"Every school needs a smartboard.\"]", "the ignore fires on 'smartboard'")]
    public void Rules_test_reports_an_example_that_breaks_its_promise_at_its_line(string examples, string? problem)
    {
        var repo = MakeRepo();
        var rule = PackRule[..PackRule.IndexOf("examples:", StringComparison.Ordinal)] + "examples:\n  " + examples
                   + (examples.Contains("ignores", StringComparison.Ordinal) ? "\n" : "\n  ignores: [\"Every school needs teaching tools.\"]\n");
        Write("repo/pack/GEN/WGEC9001.yaml", rule);
        var (code, output, err) = RunIn(repo, "rules", "--test");
        if (problem is null)
        {
            // Marks nothing: a located rule-file error before anything runs.
            code.Should().Be(2, output);
            err.Should().Contain("WGEC9001.yaml(").And.Contain("must mark each span");
            return;
        }
        code.Should().Be(1, err + output);
        var line = rule.Split('\n').ToList().FindIndex(l => l.Contains(problem.Contains("ignore", StringComparison.Ordinal) ? "ignores" : "triggers", StringComparison.Ordinal)) + 1;
        output.Should().Contain($"WGEC9001.yaml({line}): error WGEC9001: {problem}");
        output.Should().Contain("; 1 do not");
    }

    [Fact]
    public void Rules_test_checks_the_text_after_the_fix()
    {
        var repo = MakeRepo();
        var head = PackRule[..PackRule.IndexOf("examples:", StringComparison.Ordinal)] + "fix:\n  replace: teaching tool\n  safe: true\n";
        Write("repo/pack/GEN/WGEC9001.yaml", head + "examples:\n  triggers: [{text: \"Buy a [|smartboard|].\", fixed: \"Buy a teaching tool.\"}]\n  ignores: [\"Buy tools.\"]\n");
        RunIn(repo, "rules", "--test").Code.Should().Be(0);

        Write("repo/pack/GEN/WGEC9001.yaml", head + "examples:\n  triggers: [{text: \"Buy a [|smartboard|].\", fixed: \"Buy a tool.\"}]\n  ignores: [\"Buy tools.\"]\n");
        var (code, output, _) = RunIn(repo, "rules", "--test");
        code.Should().Be(1);
        output.Should().Contain("error WGEC9001: after the fix the text reads \"Buy a teaching tool.\", not \"Buy a tool.\"");
    }

    [Fact]
    public void The_readme_rule_pack_works_in_every_command()
    {
        // The README's "Rules" part shows a complete pack as yaml blocks whose first line names the file.
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md"));
        var rulesPart = readme[readme.IndexOf("\n## Rules\n", StringComparison.Ordinal)..];
        rulesPart = rulesPart[..rulesPart.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var files = System.Text.RegularExpressions.Regex.Matches(rulesPart, "```yaml\n# (\\S+)[^\n]*\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        files.Keys.Should().BeEquivalentTo(["wgec.yaml", "our-rules/GEN/WGEC9001.yaml", "our-rules/lexicons/gadgets.yaml"]);
        foreach (var (name, text) in files) Write("readme-repo/" + name, text);
        var draft = Write("readme-repo/d.md", "## S1 Schools\nEvery school should get a tablet computer.\n");
        var repo = Path.Combine(Dir, "readme-repo");

        var check = RunIn(repo, "check", "d.md");
        check.Code.Should().Be(0, check.Err);
        check.Out.Should().Contain("d.md(2,27): warning WGEC9001: 'tablet computer' names a device; say what it should do [GEN]");
        var test = RunIn(repo, "rules", "--test", "--characteristic", "GEN");
        test.Code.Should().Be(0, test.Out + test.Err);
        var list = RunIn(repo, "rules", "--characteristic", "GEN");
        list.Out.Should().Contain("WGEC9001  GEN    violates  warning  A particular device is prescribed");
        var page = RunIn(repo, "explain", "WGEC9001");
        page.Out.Should().Contain("## How to fix\n\nName the capability wanted");
        RunIn(repo, "rules", "--write-docs", "pages").Code.Should().Be(0);
        File.ReadAllText(Path.Combine(repo, "pages", "WGEC9001.md")).Should().Be(page.Out);
        File.Exists(draft).Should().BeTrue();
    }
}
