using FluentAssertions;

namespace Wgec.Tests;

/// <summary>
/// File-system permissions as an ordinary user meets them. The test run is usually root (CI, containers), for
/// whom no folder is unreadable or unwritable; so the shipped CLI is then run as the unprivileged user 'nobody'
/// (setpriv, util-linux). Run by an ordinary user, it runs as that user, whom the folders deny anyway.
/// </summary>
public class UnprivilegedUserTests : TempDirectoryTest
{
    private const int Nobody = 65534;

    private (int Code, string Out, string Err) AsNobody(params string[] args)
    {
        if (Environment.UserName != "root") return TestProcess.Wgec(Dir, args);
        File.Exists("/usr/bin/setpriv").Should().BeTrue("as root the test runs the CLI as 'nobody' through setpriv (util-linux)");
        return TestProcess.Run("/usr/bin/setpriv", Dir,
            ["--reuid", Nobody.ToString(), "--regid", Nobody.ToString(), "--clear-groups", "env", "HOME=" + Dir,
             "dotnet", Path.Combine(AppContext.BaseDirectory, "Wgec.Cli.dll"), .. args]);
    }

    private void OpenToAll(string path) => File.SetUnixFileMode(path,
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    [Fact]
    public void An_unreadable_subfolder_is_reported_and_the_other_drafts_are_checked()
    {
        OpenToAll(Dir);
        Write("drafts/a.md", "## A\nStakeholders should share information.\n");
        Write("drafts/locked/b.md", "## B\nStakeholders should share data.\n");
        OpenToAll(Path.Combine(Dir, "drafts"));
        File.SetUnixFileMode(Path.Combine(Dir, "drafts", "locked"), UnixFileMode.None);
        var (code, output, err) = AsNobody("check", Path.Combine(Dir, "drafts"));
        File.SetUnixFileMode(Path.Combine(Dir, "drafts", "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        code.Should().Be(2, err);
        err.Should().Contain("locked: error: folder cannot be read");
        output.Should().Contain("a.md: 1 proposals");
    }

    [Fact]
    public void A_folder_the_user_cannot_write_is_a_clear_error_for_check_init_and_fix()
    {
        OpenToAll(Dir);
        var draft = Write("ro/a.md", "## A\nMember States shall report on their progress.\n");
        OpenToAll(Path.Combine(Dir, "ro"));
        File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var folder = Path.Combine(Dir, "ro");
        foreach (var (args, target) in new[]
                 {
                     (new[] { "check", draft, "-o", Path.Combine(folder, "out.txt") }, "out.txt"),
                     (new[] { "init", folder }, "wgec.yaml"),
                     (new[] { "fix", draft, "--profile", "full" }, "a.md"),
                 })
        {
            var (code, _, err) = AsNobody(args);
            code.Should().Be(2, string.Join(' ', args) + ": " + err);
            err.Should().Contain($"{target}: error: cannot be written").And.Contain("nothing was written");
        }
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Should().Equal("a.md");
        File.ReadAllText(draft).Should().Contain("shall", "the draft is unchanged");
    }
}
