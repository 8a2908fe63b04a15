using System.Diagnostics;
using System.Text;
using FluentAssertions;

namespace Wgec.Tests;

/// <summary>The drafter's loop: diff, fix, explain, rule discovery.</summary>
public class DrafterTests : TempDirectoryTest
{


    private const string Draft = "## P1 Participation\nStakeholders should share best practices on capacity building in developing countries.\n\n## P2 Study\nMember States should cooperate with all stakeholders.\n";

    [Fact]
    public void Diff_reports_what_got_worse_and_exits_1()
    {
        var oldFile = Write("old/d.md", Draft);
        var newFile = Write("new/d.md", Draft.Replace("Member States should cooperate with all stakeholders.", "It is proposed that UNCTAD be mandated to study the taxation of robots."));
        var (code, output, _) = CliTests.Run("diff", oldFile, newFile);
        code.Should().Be(1);
        output.Should().Contain("P2 [edited] WORSE").And.Contain("GEN: meets → violates (worse)").And.Contain("+ (5,21) warning WGEC0101");
        output.Should().NotContain("P1 [");
        output.Should().EndWith("1 proposal(s) changed, 1 worse\n");
    }

    [Fact]
    public void Diff_of_an_improvement_exits_0_and_matches_renamed_ids_by_wording()
    {
        var oldFile = Write("old/d.md", Draft.Replace("Member States should cooperate with all stakeholders.", "It is proposed that UNCTAD be mandated to study the taxation of robots."));
        var newFile = Write("new/d.md", Draft.Replace("## P1 Participation", "## Q1 Participation").Replace("Member States should cooperate with all stakeholders.", "Member States should cooperate with all stakeholders."));
        var (code, output, _) = CliTests.Run("diff", Path.Combine(Dir, "old"), Path.Combine(Dir, "new"), "--format", "json");
        code.Should().Be(0);
        output.Should().Contain("\"oldId\": \"P1\"").And.Contain("\"status\": \"renamed\"").And.Contain("\"worse\": false");
        output.Should().Contain("\"new\": \"meets\"");
    }

    [Fact]
    public void Deleting_the_first_proposal_and_renumbering_the_rest_makes_nothing_worse()
    {
        const string a = "Member States shall publish their national strategies on enhanced cooperation.";
        const string b = "It is proposed that UNCTAD be mandated to study the taxation of robots within two years.";
        const string c = "All stakeholders should support capacity building in developing countries.";
        var oldFile = Write("old.md", $"## D1 One\n\n{a}\n\n## D2 Two\n\n{b}\n\n## D3 Three\n\n{c}\n");
        var newFile = Write("new.md", $"## D1 Two\n\n{b}\n\n## D2 Three\n\n{c}\n");
        var (code, output, err) = CliTests.Run("diff", oldFile, newFile, "--format", "json", "--profile", "full");
        code.Should().Be(0, err + output);
        output.Should().Contain("\"oldId\": \"D2\"").And.Contain("\"oldId\": \"D3\"").And.Contain("\"status\": \"removed\"").And.NotContain("\"worse\": true");
    }

    [Fact]
    public void Diff_against_a_git_revision_sees_deleted_drafts_and_takes_the_repository_from_the_inputs()
    {
        var repo = Path.Combine(Dir, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "a.md"), Draft);
        File.WriteAllText(Path.Combine(repo, "b.md"), Draft.Replace("## P1", "## B1", StringComparison.Ordinal));
        Git(repo, "add", ".");
        Git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "drafts");
        File.Delete(Path.Combine(repo, "b.md"));
        // Run from outside the repository: the repository is found from the input.
        var (code, output, err) = TestProcess.Wgec(Dir, ["diff", "--git", "HEAD", "repo", "--format", "json", "--rules", TestPaths.Rules]);
        code.Should().Be(0, err);
        output.Should().Contain("b.md").And.Contain("\"status\": \"removed\"");

        var sarif = TestProcess.Wgec(Dir, ["check", Path.Combine("repo", "a.md"), "--format", "sarif", "--rules", TestPaths.Rules]);
        sarif.Out.Should().Contain("\"uri\": \"a.md\"").And.NotContain("../");
    }

    [Fact]
    public void Diff_against_a_git_revision()
    {
        var repo = Path.Combine(Dir, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "d.md"), Draft);
        Git(repo, "add", "d.md");
        Git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "draft");
        File.WriteAllText(Path.Combine(repo, "d.md"), Draft.Replace("Member States should", "The USA should"));
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Wgec.Cli.dll"), "diff", "--git", "HEAD", "d.md", "--rules", TestPaths.Rules }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.Should().Be(1, p.StandardError.ReadToEnd());
        output.Should().Contain("P2 [edited] WORSE").And.Contain("WGEC0103");
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        p.ExitCode.Should().Be(0, p.StandardError.ReadToEnd());
    }

    [Fact]
    public void Fix_dry_run_shows_a_diff_and_changes_nothing()
    {
        var file = Write("d.md", "## P1\nMember States shall report on progress.\nContractually oblige registrars to act.\n");
        var before = File.ReadAllBytes(file);
        var (code, output, _) = CliTests.Run("fix", file, "--dry-run", "--profile", "full");
        code.Should().Be(0);
        output.Should().Contain("-Member States shall report on progress.\n+Member States should report on progress.");
        output.Should().Contain("suggestion WGEC1003: replace \"Contractually oblige\" with \"encourage\"");
        File.ReadAllBytes(file).Should().Equal(before);
    }

    [Fact]
    public void Fix_round_trip_removes_the_finding_and_changes_nothing_else()
    {
        var original = "\uFEFF## P1\r\nMember States shall report on progress.\r\nThe forum must meet in Geneva.\r\n\r\n## P2\r\nStakeholders should share best practices.\r\n";
        var file = Path.Combine(Dir, "crlf.md");
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes(original));
        var beforeCheck = CliTests.Run("check", file, "--profile", "full", "--format", "json").Out;
        beforeCheck.Should().Contain("WGEC1802");

        var (code, output, _) = CliTests.Run("fix", file, "--profile", "full");
        code.Should().Be(0);
        output.Should().Contain("applied 2 fix(es)").And.Contain("re-checked");
        var bytes = File.ReadAllBytes(file);
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "the BOM is kept");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Should().Be(original[1..].Replace("shall report", "should report").Replace("must meet", "should meet"), "nothing else changed, CRLF kept");
        CliTests.Run("check", file, "--profile", "full", "--format", "json").Out.Should().NotContain("WGEC1802");
        Directory.EnumerateFiles(Dir).Should().NotContain(f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void Fix_never_writes_a_file_that_changed_since_it_was_read()
    {
        var file = Write("race.md", "## P1\nMember States shall report.\n");
        var read = Wgec.Readers.InputFile.Read(file);
        File.WriteAllText(file, "## P1\nMember States shall report on time.\n");
        var act = () => Wgec.Engine.Fixer.WriteAtomically(file, read, "## P1\nMember States should report.\n");
        act.Should().Throw<Wgec.Model.WgecException>().WithMessage("*changed since it was read*");
        File.ReadAllText(file).Should().Be("## P1\nMember States shall report on time.\n");
    }

    [Fact]
    public void Explain_a_rule_prints_its_page_and_a_proposal_shows_the_firing_trace()
    {
        var (code, page, _) = CliTests.Run("explain", "WGEC0101");
        code.Should().Be(0);
        page.Should().StartWith("# WGEC0101: A named body is given a specific mandate");

        var (code2, trace, _) = CliTests.Run("explain", "R2", TestPaths.Compilation);
        code2.Should().Be(0);
        trace.Should().Contain("WGEC0101/1 [GEN violates]").And.Contain("lexicon:named-body \"UNCTAD\" at (160,51)")
            .And.Contain("lexicon:mandate \"be mandated\"");
        trace.Should().MatchRegex(@"GEN\s+violates\s+WGEC0101 violates");
        trace.Should().Contain("INC    not-addressed  no evidence");
        trace.Should().Contain("Clauses (who is to act, how strongly, what, by what means):")
            .And.MatchRegex(@"subjunctive medium: actor ""UNCTAD and UNCITRAL"" · operative ""be"" · action ""study""");
    }

    [Fact]
    public void Rules_can_be_filtered()
    {
        var (_, output, _) = CliTests.Run("rules", "--characteristic", "INC", "--polarity", "violates");
        output.Trim().Split('\n').Should().OnlyContain(l => l.Contains(" INC ") && l.Contains("violates")).And.HaveCount(2);
        CliTests.Run("rules", "--characteristic", "XYZ").Code.Should().Be(2);
    }
}
