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
        // Packing builds each platform's package (a publish per RID), so it runs on a copy of the sources: nothing
        // is rebuilt under the running tests.
        var source = Path.Combine(Dir, "source");
        foreach (var part in new[] { "src/Wgec", "src/Wgec.Cli", "rules", "docs/rules" }) CopyTree(Path.Combine(TestPaths.Root, part), Path.Combine(source, part));
        foreach (var file in new[] { "Directory.Build.props", "global.json" }) File.Copy(Path.Combine(TestPaths.Root, file), Path.Combine(source, file));
        var packages = Path.Combine(Dir, "packages");
        var pack = Run("dotnet", source, "pack", "src/Wgec.Cli", "-c", "Release", "-o", packages, "-v", "q");
        pack.Code.Should().Be(0, pack.Out + pack.Err);
        // The pointer package, the precompiled linux-x64 package and the portable fallback.
        Directory.EnumerateFiles(packages, "*.nupkg").Select(Path.GetFileName).Should().BeEquivalentTo(
            "WgecCharacteristics.Tool.0.1.0.nupkg", "WgecCharacteristics.Tool.linux-x64.0.1.0.nupkg", "WgecCharacteristics.Tool.any.0.1.0.nupkg");

        var tools = Path.Combine(Dir, "tools");
        var install = Run("dotnet", Dir, "tool", "install", "--tool-path", tools, "--add-source", packages, "WgecCharacteristics.Tool");
        install.Code.Should().Be(0, install.Out + install.Err);

        var draft = Path.Combine(TestPaths.Drafts, "characteristics-draft.md");
        var check = Run(Path.Combine(tools, "wgec"), Dir, "check", draft, "--format", "json");
        check.Code.Should().Be(0, check.Err);
        check.Out.Should().Contain("\"id\": \"D2\"").And.Contain("\"id\": \"WGEC0101\"");

        // On this platform the installed tool is the precompiled one (ReadyToRun code in the library).
        var library = Directory.EnumerateFiles(Path.Combine(tools, ".store"), "Wgec.dll", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(library));
        pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().BeGreaterThan(0, "a ReadyToRun image has a native header");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
