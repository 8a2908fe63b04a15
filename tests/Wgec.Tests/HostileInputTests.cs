using System.Diagnostics;
using System.Text;
using FluentAssertions;
using Wgec.Engine;

namespace Wgec.Tests;

/// <summary>
/// The tool tried as a careless or hostile user would: planted links, odd files, full disks, alias bombs, deep
/// nesting, misleading Markdown. Each case ends with a located error or a correct result, within a generous
/// bound (a hang detector, not a timing test), and nothing outside the intended output changes.
/// </summary>
public class HostileInputTests : TempDirectoryTest
{
    private const string Duty = "## D1 Title\n\nMember States shall publish their strategies.\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private (int Code, string Out, string Err) Wgec(params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var result = TestProcess.Wgec(Dir, [.. args, "--rules", TestPaths.Rules]);
        watch.Elapsed.Should().BeLessThan(Bound, "no input may make the tool hang");
        return result;
    }

    private string[] Leftovers() => Directory.EnumerateFileSystemEntries(Dir, "*wgec*tmp*", SearchOption.AllDirectories).ToArray();

    [Fact]
    public void Fix_never_follows_a_link_planted_where_a_temporary_file_could_be()
    {
        var draft = Write("d.md", Duty);
        var precious = Write("precious.txt", "keep me\n");
        File.CreateSymbolicLink(draft + ".wgec.tmp", precious);
        var (code, stdout, err) = Wgec("fix", draft, "--profile", "full");
        code.Should().Be(0, err);
        stdout.Should().Contain("applied 1 fix(es)");
        File.ReadAllText(precious).Should().Be("keep me\n");
        new FileInfo(draft).LinkTarget.Should().BeNull("the draft stays a regular file");
        File.ReadAllText(draft).Should().Contain("Member States should publish");
        Directory.EnumerateFiles(Dir, "*.wgec-tmp").Should().BeEmpty();
    }

    [Fact]
    public void Fix_keeps_the_files_mode_and_edits_a_links_target()
    {
        var target = Write("real/d.md", Duty);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(Dir, "d.md");
        File.CreateSymbolicLink(link, target);
        var (code, _, err) = Wgec("fix", link, "--profile", "full");
        code.Should().Be(0, err);
        new FileInfo(link).LinkTarget.Should().Be(target, "the link stays a link");
        File.ReadAllText(target).Should().Contain("should publish");
        File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a private draft stays private");
    }

    [Fact]
    public void Fix_refuses_read_only_and_hard_linked_files_and_says_exactly_which_files_it_wrote()
    {
        var writable = Write("a.md", Duty);
        var readOnly = Write("b.md", Duty);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead);
        var linked = Write("c.md", Duty);
        TestProcess.Run("ln", Dir, [linked, Path.Combine(Dir, "c-link.md")]).Code.Should().Be(0);
        var (code, stdout, err) = Wgec("fix", writable, readOnly, linked, "--profile", "full");
        code.Should().Be(2);
        stdout.Should().Contain("a.md: applied 1 fix(es)").And.NotContain("b.md: applied").And.NotContain("c.md: applied");
        err.Should().Contain("b.md: error: is read-only").And.Contain("c.md: error: has 2 hard links");
        File.ReadAllText(writable).Should().Contain("should publish");
        File.ReadAllText(readOnly).Should().Be(Duty);
        File.ReadAllText(linked).Should().Be(Duty);
        Leftovers().Should().BeEmpty();
    }

    [Theory]
    [InlineData(".")]
    [InlineData("missing/dir/out.txt")]
    [InlineData("/dev/full")]
    public void An_output_that_cannot_be_written_is_a_located_error_and_leaves_nothing_behind(string output)
    {
        var draft = Write("d.md", Duty);
        var (code, _, err) = Wgec("check", draft, "-o", output);
        code.Should().Be(2);
        err.Should().Contain(output).And.Contain("error");
        Leftovers().Should().BeEmpty();
        Directory.GetParent(Dir)!.EnumerateFiles("*.wgec*").Should().BeEmpty();
    }

    [Fact]
    public void Writing_docs_or_a_configuration_into_a_file_is_a_located_error()
    {
        var file = Write("afile", "x");
        Wgec("rules", "--write-docs", file).Should().Match<(int Code, string Out, string Err)>(r => r.Code == 2 && r.Err.Contains("is a file"));
        TestProcess.Wgec(Dir, ["init", file]).Should().Match<(int Code, string Out, string Err)>(r => r.Code == 2 && r.Err.Contains("is a file"));
        File.ReadAllText(file).Should().Be("x");
    }

    [Fact]
    public void Devices_and_files_over_the_size_limit_are_refused_before_they_are_read()
    {
        var zero = Path.Combine(Dir, "zero.md");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var device = Wgec("check", zero);
        device.Code.Should().Be(2);
        device.Err.Should().Contain("zero.md").And.Contain("not a regular file");

        var big = Write("big.md", "## B1\n\n" + new string('a', 1024 * 1024) + "\n");
        var tooBig = Wgec("check", big, "--max-file-size", "1");
        tooBig.Code.Should().Be(2);
        tooBig.Err.Should().Contain("big.md").And.Contain("larger than the limit of 1 MiB");
    }

    [Fact]
    public void In_a_folder_run_each_bad_file_is_reported_and_the_others_are_still_checked()
    {
        Write("drafts/good.md", Duty);
        File.WriteAllBytes(Path.Combine(Dir, "drafts", "binary.md"), [0x23, 0x20, 0x00, 0x01]);
        File.CreateSymbolicLink(Path.Combine(Dir, "drafts", "dangling.md"), Path.Combine(Dir, "nowhere.md"));
        File.CreateSymbolicLink(Path.Combine(Dir, "drafts", ".#good.md"), "user@host.1234:5678"); // an editor's lock link
        File.WriteAllBytes(Path.Combine(Dir, "drafts", "wide.md"), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Duty.Replace("D1", "W1"))).ToArray());
        var (code, stdout, err) = Wgec("check", Path.Combine(Dir, "drafts"), "--profile", "full");
        code.Should().Be(2);
        stdout.Should().Contain("D1").And.Contain("W1", "a UTF-16 file with its byte order mark is read");
        err.Should().Contain("binary.md").And.Contain("binary").And.Contain("dangling.md").And.Contain("does not exist");
        err.Should().NotContain(".#good.md", "hidden entries of a folder are not drafts");
    }

    [Fact]
    public void Yaml_alias_bombs_and_deep_nesting_are_located_errors()
    {
        var pack = Path.Combine(Dir, "pack", "GEN");
        Directory.CreateDirectory(pack);
        var bomb = new StringBuilder("id: WGEC9901\ncharacteristic: GEN\npolarity: violates\ntitle: t\nmessage: m\nhelp: h\nsource: s\nscope: sentence\nx0: &a0 [\"lol\"]\n");
        for (var i = 1; i < 12; i++) bomb.Append($"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        File.WriteAllText(Path.Combine(pack, "WGEC9901.yaml"), bomb.ToString());
        Write("wgec.yaml", "rules: [pack]\n");
        var aliases = TestProcess.Wgec(Dir, ["rules"]);
        aliases.Code.Should().Be(2);
        aliases.Err.Should().Contain("WGEC9901.yaml(10)").And.Contain("aliases");

        Write("wgec.yaml", "ignore: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var deep = Wgec("check", Write("d.md", Duty));
        deep.Code.Should().Be(2);
        deep.Err.Should().Contain("wgec.yaml(1)").And.Contain("nested more than 64");

        File.Delete(Path.Combine(Dir, "wgec.yaml"));
        var front = Wgec("check", Write("f.md", "---\ntitle: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n" + Duty));
        front.Code.Should().Be(2);
        front.Err.Should().Contain("f.md(2)").And.Contain("nested more than 64");
    }

    [Fact]
    public void A_rule_folder_of_the_whole_disk_is_a_quick_clear_error()
    {
        Write("wgec.yaml", "rules: [\"/\"]\n");
        var (code, _, err) = Wgec("check", Write("d.md", Duty));
        code.Should().Be(2);
        err.Should().Contain("error");
    }

    [Fact]
    public void A_horizontal_rule_is_not_front_matter_and_headings_in_comments_are_not_proposals()
    {
        var draft = Write("d.md", "---\n\n## D1 Kept\n\nMember States shall publish their strategies.\n\n---\n\n<!--\n## D2 Commented out\n-->\n## D3 Last\n\nAll stakeholders should cooperate.\n");
        var (code, stdout, err) = Wgec("check", draft, "--profile", "full", "--format", "json");
        code.Should().Be(0, err);
        stdout.Should().Contain("\"id\": \"D1\"").And.Contain("WGEC1802").And.Contain("\"id\": \"D3\"").And.NotContain("\"id\": \"D2\"");
    }

    [Fact]
    public void A_compilation_that_numbers_a_recommendation_twice_is_refused_naming_both_lines()
    {
        var text = "Recommendation 1. A\nStates should cooperate.\n\nRecommendation 2. B\nStates should share.\n\nRecommendation 1. C\nStates should meet.\n";
        var (code, _, err) = Wgec("check", Write("c.txt", text));
        code.Should().Be(2);
        err.Should().Contain("c.txt(7)").And.Contain("Recommendation 1 is numbered twice (first at line 1)");
    }

    [Fact]
    public void Capitals_stay_capitals_in_a_fix_and_the_version_is_the_package_version()
    {
        Fixer.MatchCase("MUST", "should").Should().Be("SHOULD");
        Fixer.MatchCase("Shall", "should").Should().Be("Should");
        Fixer.MatchCase("must", "should").Should().Be("should");
        var props = File.ReadAllText(Path.Combine(TestPaths.Root, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<WgecVersion>(.*?)</WgecVersion>").Groups[1].Value;
        TestProcess.Wgec(Dir, ["--version"]).Out.Trim().Should().Be(version).And.NotBeEmpty();
    }

    [Fact]
    public void A_proposal_below_min_score_counts_as_an_error_in_the_summary()
    {
        Write("wgec.yaml", "min-score: 99\n");
        var (code, stdout, _) = Wgec("check", Write("d.md", Duty));
        code.Should().Be(1);
        stdout.Should().Contain("scores below the minimum").And.Contain("1 error(s)");
        var sarif = Wgec("check", Path.Combine(Dir, "d.md"), "--format", "sarif");
        sarif.Code.Should().Be(1);
        sarif.Out.Should().Contain("\"ruleId\": \"WGEC0005\"").And.Contain("below the minimum of 99.0");
    }

    [Fact]
    public void Sarif_uris_are_percent_encoded()
    {
        Write("wgec.yaml", "# root\n");
        Write("my draft#1.md", Duty);
        var (code, stdout, err) = TestProcess.Wgec(Dir, ["check", "my draft#1.md", "--format", "sarif", "--profile", "full", "--rules", TestPaths.Rules]);
        code.Should().Be(0, err);
        stdout.Should().Contain("\"uri\": \"my%20draft%231.md\"");
    }

    [Fact]
    public void A_pattern_that_backtracks_without_end_is_a_located_error_naming_its_rule_file()
    {
        var pack = Path.Combine(Dir, "pack", "GEN");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "WGEC9902.yaml"), """
            id: WGEC9902
            characteristic: GEN
            polarity: violates
            title: "Catastrophic"
            message: "'{text}'"
            help: "h"
            source: "s"
            scope: sentence
            condition:
              pattern: '(a+)+$'
            examples:
              triggers:
                - "[|aaa|]"
              ignores:
                - "bbb"
            """);
        Write("wgec.yaml", "rules: [pack]\n");
        var (code, _, err) = Wgec("check", Write("d.md", "## P1\n\n" + new string('a', 40) + "b\n"));
        code.Should().Be(2);
        err.Should().Contain("d.md(3)").And.Contain("(a+)+$").And.Contain("WGEC9902.yaml(10)").And.Contain("ran longer than");
    }

    [Fact]
    public void Long_lines_of_capitalised_words_and_of_number_words_are_checked_in_bounded_time()
    {
        var capitals = Write("caps.md", "## C1\n\n" + string.Join(' ', Enumerable.Repeat("Alpha Beta Gamma", 10_000)) + "\n");
        var numbers = Write("numbers.md", "## N1\n\n" + string.Join(' ', Enumerable.Range(0, 15_000).Select(i => (i % 4) switch { 0 => "by", 1 => "2030", 2 => "every", _ => "month" })) + "\n");
        var (code, stdout, err) = Wgec("check", capitals, numbers);
        code.Should().Be(0, err);
        stdout.Should().Contain("WGEC0003").And.Contain("only its first 20,000 characters were checked");
    }

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    public void A_dry_run_diff_applies_with_git_apply_to_the_last_line_with_any_line_ending(string newline, bool finalNewline)
    {
        var text = string.Join(newline, "## D1 Title", "", "Member States shall publish their strategies.") + (finalNewline ? newline : "");
        Write("d.md", text);
        var (code, diff, err) = TestProcess.Wgec(Dir, ["fix", "d.md", "--dry-run", "--profile", "full", "--rules", TestPaths.Rules]);
        code.Should().Be(0, err);
        diff.Should().Contain("+Member States should publish");
        File.WriteAllText(Path.Combine(Dir, "fix.patch"), diff);
        var apply = TestProcess.Run("git", Dir, ["apply", "fix.patch"]);
        apply.Code.Should().Be(0, apply.Err + "\n" + diff);
        File.ReadAllText(Path.Combine(Dir, "d.md")).Should().Be(text.Replace("shall", "should", StringComparison.Ordinal), "the patch makes exactly the fix, line endings kept");
    }

    [Fact]
    public void A_suppression_written_slightly_wrong_is_reported_not_ignored()
    {
        var draft = Write("d.md", "## D1 T\n\n<!-- wgec-disable-next-line wgec1802 reason=\"x\" -->\nMember States shall act.\n\n<!-- wgec-disable-next-line WGEC1802 reason='x' -->\nMember States shall act again.\n");
        var (code, stdout, err) = Wgec("check", draft, "--profile", "full");
        code.Should().Be(0, err);
        stdout.Should().Contain("d.md(3,1): warning WGEC0004").And.Contain("rule ids are written in capitals");
        stdout.Should().Contain("d.md(6,1): warning WGEC0004").And.Contain("double quotes");
    }
}
