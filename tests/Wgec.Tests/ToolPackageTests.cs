using System.Diagnostics;
using FluentAssertions;

namespace Wgec.Tests;

/// <summary>dotnet pack makes a .NET tool "wgec" that carries its rules; installed into a temporary tool path it checks a fixture.</summary>
public class ToolPackageTests : TempDirectoryTest
{

    private static (int Code, string Out, string Err) Run(string file, string workingDirectory, params string[] args) =>
        TestProcess.Run(file, workingDirectory, args);

    [Fact]
    public void Packed_tool_installs_and_checks_a_fixture()
    {
        // Pack what the test run already built (same configuration), so nothing is rebuilt under the running tests.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var packages = Path.Combine(Dir, "packages");
        var pack = Run("dotnet", TestPaths.Root, "pack", "src/Wgec.Cli", "-c", configuration, "--no-build", "-o", packages, "-v", "q");
        pack.Code.Should().Be(0, pack.Out + pack.Err);
        Directory.EnumerateFiles(packages, "*.nupkg").Should().ContainSingle();

        var tools = Path.Combine(Dir, "tools");
        var install = Run("dotnet", Dir, "tool", "install", "--tool-path", tools, "--add-source", packages, "WgecCharacteristics.Tool");
        install.Code.Should().Be(0, install.Out + install.Err);

        var draft = Path.Combine(TestPaths.Drafts, "characteristics-draft.md");
        var check = Run(Path.Combine(tools, "wgec"), Dir, "check", draft, "--format", "json");
        check.Code.Should().Be(0, check.Err);
        check.Out.Should().Contain("\"id\": \"D2\"").And.Contain("\"id\": \"WGEC0101\"");
    }
}
