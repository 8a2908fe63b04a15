using System.Text;
using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>GitHub Actions workflow commands: one annotation per reported finding (errors and warnings; info as notice).</summary>
public static class GitHubReporter
{
    public static string Render(CheckResult result, string repositoryRoot)
    {
        var sb = new StringBuilder();
        foreach (var doc in result.Documents)
        {
            var file = SarifReporter.Uri(doc.Document.Path, repositoryRoot);
            foreach (var d in doc.AllDiagnostics.Where(d => !d.IsSuppressed && d.Severity != Severity.None))
            {
                var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
                sb.Append($"::{command} file={Property(file)},line={d.Location.StartLine},col={d.Location.StartColumn},endLine={d.Location.EndLine},endColumn={d.Location.EndColumn},title={Property($"{d.Id} [{d.Characteristic}] {d.Rule.Title}")}::{Data(d.Message)}\n");
            }
            foreach (var id in doc.BelowMinScore)
                sb.Append($"::error file={Property(file)},title={Property("wgec min-score")}::{Data($"proposal {id} scores below the minimum of {doc.MinScore}")}\n");
        }
        return sb.ToString();
    }

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
