using System.Diagnostics;

namespace Wgec.Tests;

/// <summary>Runs a real process (the shipped CLI, dotnet, git) in a given folder without changing the test's own.</summary>
internal static class TestProcess
{
    public static (int Code, string Out, string Err) Run(string file, string workingDirectory, IEnumerable<string> args, string? stdin = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The CLI of this build, as a new process.</summary>
    public static (int Code, string Out, string Err) Wgec(string workingDirectory, IEnumerable<string> args, string? stdin = null) =>
        Run("dotnet", workingDirectory, [Path.Combine(AppContext.BaseDirectory, "Wgec.Cli.dll"), .. args], stdin);
}
