using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using FluentAssertions;

namespace Wgec.Tests;

/// <summary>
/// editors/vscode builds and packs with its own README commands (npm ci, npm run package) into a .vsix that
/// carries the compiled client and its runtime dependency. Needs Node.js and npm, and the npm registry for npm ci.
/// </summary>
public class VsCodeExtensionTests : TempDirectoryTest
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Extension_packs_into_a_vsix_with_client_and_runtime_dependency()
    {
        var npm = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
        npm.Should().NotBeNull("the VS Code extension test needs npm on PATH (Debian: apt-get install nodejs npm)");

        // A copy without what an earlier local build left there, so the test shows what a clean checkout gives.
        var source = Path.Combine(TestPaths.Root, "editors", "vscode");
        var work = Path.Combine(Dir, "vscode");
        CopyClean(source, work);
        File.Exists(Path.Combine(work, "package-lock.json")).Should().BeTrue("npm ci needs the committed package-lock.json");

        var install = Run(npm!, work, "ci", "--no-audit", "--no-fund");
        install.Code.Should().Be(0, "npm ci failed:\n" + install.Output);
        var package = Run(npm!, work, "run", "package");
        package.Code.Should().Be(0, "npm run package failed:\n" + package.Output);

        var vsix = Directory.GetFiles(work, "*.vsix");
        vsix.Should().ContainSingle(because: "npm run package writes one .vsix:\n" + package.Output);
        vsix[0].Should().EndWith("wgec-0.1.0.vsix");

        using var zip = ZipFile.OpenRead(vsix[0]);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        names.Should().Contain("extension/package.json");
        names.Should().Contain("extension/out/extension.js");
        names.Should().Contain("extension/node_modules/vscode-languageclient/package.json",
            "the client library is a runtime dependency and must be inside the .vsix");
        names.Should().NotContain(n => n.StartsWith("extension/src/", StringComparison.Ordinal) || n.StartsWith("extension/node_modules/.bin/", StringComparison.Ordinal),
            ".vscodeignore keeps sources and tool links out");
        names.Should().NotContain(n => n.StartsWith("extension/node_modules/typescript/", StringComparison.Ordinal) || n.StartsWith("extension/node_modules/@vscode/vsce/", StringComparison.Ordinal),
            "development dependencies stay out of the .vsix");

        using var stream = zip.GetEntry("extension/package.json")!.Open();
        using var manifest = JsonDocument.Parse(stream);
        var root = manifest.RootElement;
        root.GetProperty("main").GetString().Should().Be("./out/extension.js");
        var properties = root.GetProperty("contributes").GetProperty("configuration").GetProperty("properties");
        properties.TryGetProperty("wgec.serverPath", out var serverPath).Should().BeTrue("the extension contributes the wgec.serverPath setting");
        serverPath.GetProperty("default").GetString().Should().Be("wgec");
    }

    private static void CopyClean(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            if (!file.EndsWith(".vsix", StringComparison.OrdinalIgnoreCase))
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "node_modules" or "out") continue;
            CopyClean(dir, Path.Combine(to, name));
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Like TestProcess.Run, but bounded: on timeout the whole tree (npm, node, tsc, vsce) is killed.</summary>
    private static (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true, // closed at once: a prompt (vsce asks when something is missing) fails instead of hanging
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["npm_config_update_notifier"] = "false";
        psi.Environment["npm_config_fund"] = "false";
        psi.Environment["npm_config_audit"] = "false";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(StepTimeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return (-1, $"timed out after {StepTimeout.TotalMinutes} minutes: {file} {string.Join(' ', args)}\n{stdout.Result}\n{stderr.Result}");
        }
        p.WaitForExit(); // also waits for the output streams to close
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
