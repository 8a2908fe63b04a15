using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>What a format is given: the checked result, the rules (SARIF describes them) and the drafting
/// repository's root (SARIF and annotations give paths relative to it).</summary>
public sealed record ReportInput(CheckResult Result, RuleSet Rules, string Root);

/// <summary>One output format of a command ('check' or 'report'): its name on the command line, a line for
/// '--help', and how it writes a result (streamed: a report of a long document is never held whole).</summary>
public sealed record OutputFormat(string Command, string Name, string Help, Action<ReportInput, TextWriter> Write)
{
    public string Render(ReportInput input)
    {
        var text = new StringWriter();
        Write(input, text);
        return text.ToString();
    }
}

/// <summary>
/// Every output format, in the order '--help' lists them; a command's first format is its default. Adding a
/// format is one reporter file plus one line here: the CLI's choices, its help and the determinism test read
/// this list (as textlint's formatter registry does).
/// </summary>
public static class OutputFormats
{
    public static readonly IReadOnlyList<OutputFormat> All =
    [
        new("check", "text", "compiler-style findings grouped per proposal, with verdicts and scores", (i, w) => TextReporter.Write(i.Result, w)),
        new("check", "json", "every proposal, verdict, score and finding, for other tools", (i, w) => JsonReporter.Write(i.Result, w)),
        new("check", "sarif", "SARIF 2.1.0, for code-scanning tools", (i, w) => SarifReporter.Write(i.Result, i.Rules, i.Root, w)),
        new("check", "github", "GitHub workflow annotations", (i, w) => w.Write(GitHubReporter.Render(i.Result, i.Root))),
        new("report", "html", "one self-contained file (no network): summary, score histogram, stacked bars per\n" +
                              "characteristic, a sortable, filterable matrix, aggregates per section and contributor,\n" +
                              "every proposal with its evidence highlighted in place", (i, w) => w.Write(HtmlReporter.Render(i.Result))),
        new("report", "md", "summary and matrix in Markdown (renders on GitHub)", (i, w) => w.Write(MarkdownReporter.Render(i.Result))),
        new("report", "csv", "one row per proposal × characteristic (verdict, score contribution, evidence), RFC 4180",
            (i, w) => w.Write(CsvReporter.Render(i.Result))),
    ];

    public static IReadOnlyList<OutputFormat> Of(string command) => All.Where(f => f.Command == command).ToList();

    public static OutputFormat? Find(string command, string name) => All.FirstOrDefault(f => f.Command == command && f.Name == name);

    /// <summary>"text|json|sarif|github", as usage lines write a choice.</summary>
    public static string Choices(string command) => string.Join('|', Of(command).Select(f => f.Name));

    /// <summary>"text, json, sarif or github", as error messages list the choices.</summary>
    public static string Listed(string command)
    {
        var names = Of(command).Select(f => f.Name).ToList();
        return names.Count < 2 ? string.Concat(names) : string.Join(", ", names.SkipLast(1)) + " or " + names[^1];
    }
}
