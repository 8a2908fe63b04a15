using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Wgec.Tests;

/// <summary>
/// The language server in a real editor: Neovim's built-in LSP client, headless, scripted in Lua
/// (tests/editors/neovim-lsp.lua). Debian's neovim package; .ci/run installs it when it is missing.
/// </summary>
public sealed class NeovimTests : TempDirectoryTest
{
    [Fact]
    public void Neovim_shows_the_findings_hovers_and_applies_a_quick_fix_that_the_server_then_rechecks()
    {
        var nvim = FindOnPath("nvim") ?? throw new InvalidOperationException("nvim is not installed: apt-get install neovim (.ci/run does this)");
        var draft = Write("draft.md", "---\nprofile: full\n---\n## P1 Strategies\n\nMember States shall publish their national strategies and review them every two years.\n");
        var output = Path.Combine(Dir, "out.json");
        var psi = new ProcessStartInfo(nvim) { WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "--headless", "--clean", "-n", "-c", "luafile " + Path.Combine(TestPaths.Root, "tests", "editors", "neovim-lsp.lua") }) psi.ArgumentList.Add(a);
        psi.Environment["WGEC_SERVER"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "Wgec.Cli.dll")} lsp";
        psi.Environment["WGEC_DRAFT"] = draft;
        psi.Environment["WGEC_OUT"] = output;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Neovim did not finish within 3 minutes");
        }
        File.Exists(output).Should().BeTrue($"the script writes its results (stderr: {stderr.Result})");
        var result = JsonNode.Parse(File.ReadAllText(output))!;
        result["ok"]!.GetValue<bool>().Should().BeTrue(result["error"]?.ToString());
        result["diagnosed"]!.GetValue<bool>().Should().BeTrue();
        var duty = result["before"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "WGEC1802")!;
        duty["line"]!.GetValue<int>().Should().Be(5);
        duty["col"]!.GetValue<int>().Should().Be("Member States ".Length);
        result["hover"]!.GetValue<string>().Should().Contain("A duty expressed with shall or must");
        result["actions"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Contain(t => t.StartsWith("Replace 'shall' with 'should'", StringComparison.Ordinal));
        result["text"]!.GetValue<string>().Should().Contain("Member States should publish their national strategies");
        result["rechecked"]!.GetValue<bool>().Should().BeTrue("the fixed text reaches the server and is checked again");
        result["after"]!.AsArray().Should().NotContain(d => d!["code"]!.GetValue<string>() == "WGEC1802");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
