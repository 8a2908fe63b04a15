using FluentAssertions;
using Wgec.Config;
using Wgec.Engine;

namespace Wgec.Tests;

/// <summary>One locator for where a draft belongs: configuration, fingerprints, SARIF paths and diff --git agree.</summary>
public class DraftingRootTests : TempDirectoryTest
{
    [Fact]
    public void The_nearest_wgec_yaml_is_the_drafting_root_and_git_the_repository()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "repo", ".git"));
        Write("repo/drafts/wgec.yaml", "profile: core\n");
        var draft = Write("repo/drafts/a/d.md", "## D1 T\nText.\n");

        DraftingRoot.Of(draft).Should().Be(Path.Combine(Dir, "repo", "drafts"));
        DraftingRoot.Repository(draft).Should().Be(Path.Combine(Dir, "repo"));
        DraftingRoot.ConfigFile(draft).Should().Be(Path.Combine(Dir, "repo", "drafts", "wgec.yaml"));
        Fingerprints.DocumentKey(draft).Should().Be("a/d.md");
        WgecConfig.FindFor(draft)!.Profile.Should().Be("core");
        DraftingRoot.Of(Path.Combine(Dir, "repo", "drafts")).Should().Be(Path.Combine(Dir, "repo", "drafts"), "a folder is its own first candidate");
    }

    [Fact]
    public void Without_wgec_yaml_git_is_both_and_a_git_file_counts()
    {
        Write("wt/.git", "gitdir: elsewhere\n"); // a worktree or submodule
        var draft = Write("wt/sub/d.md", "## D1 T\nText.\n");
        DraftingRoot.Of(draft).Should().Be(Path.Combine(Dir, "wt"));
        DraftingRoot.Repository(draft).Should().Be(Path.Combine(Dir, "wt"));
        DraftingRoot.ConfigFile(draft).Should().BeNull();
        Fingerprints.DocumentKey(draft).Should().Be("sub/d.md");
    }

    [Fact]
    public void With_neither_the_drafts_own_folder_is_the_root()
    {
        var draft = Write("loose/d.md", "## D1 T\nText.\n");
        DraftingRoot.Of(draft).Should().Be(Path.Combine(Dir, "loose"));
        DraftingRoot.Repository(draft).Should().Be(Path.Combine(Dir, "loose"));
        Fingerprints.DocumentKey(draft).Should().Be("d.md");
    }

    [Fact]
    public void A_copy_without_git_gives_the_same_paths_and_fingerprints_as_the_repository()
    {
        // The repository's own wgec.yaml anchors it: an archive or container copy has no .git.
        File.Copy(Path.Combine(TestPaths.Root, "wgec.yaml"), Path.Combine(Dir, "wgec.yaml"));
        Directory.CreateDirectory(Path.Combine(Dir, "fixtures"));
        File.Copy(TestPaths.Compilation, Path.Combine(Dir, "fixtures", "wgec-compilation-2017.txt"));
        string[] args = ["check", "fixtures/wgec-compilation-2017.txt", "--format", "sarif", "--rules", TestPaths.Rules];

        var inRepository = TestProcess.Wgec(TestPaths.Root, args);
        var inCopy = TestProcess.Wgec(Dir, args);

        inRepository.Code.Should().Be(0, inRepository.Err);
        inCopy.Code.Should().Be(0, inCopy.Err);
        inCopy.Out.Should().Contain("\"uri\": \"fixtures/wgec-compilation-2017.txt\"").And.Contain("partialFingerprints");
        inCopy.Out.Should().Be(inRepository.Out);
    }
}
