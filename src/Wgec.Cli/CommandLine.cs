using System.Text;
using Wgec.Engine;
using Wgec.Evaluation;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Reporting;
using Wgec.Rules;

namespace Wgec.Cli;

/// <summary>The thin command line over the library: parse arguments, run, print, return the exit code.</summary>
public static class CommandLine
{
    public const int Ok = 0, Findings = 1, Usage = 2;

    private const string MainHelp = """
        wgec — checks policy proposals against the WGEC characteristics of a good recommendation.

        Usage:
          wgec check <files|folders|globs> [--profile core|full] [--format text|json] [--output FILE] [--rules DIR]
          wgec eval --gold <file.tsv> <inputs> [--profile core|full] [--format text|json] [--rules DIR]
          wgec rules [--characteristic CODE] [--rules DIR] [--write-docs DIR]
          wgec <command> --help

        Exit codes: 0 no error-severity finding, 1 some finding has severity error, 2 usage, input or rule-file error.
        """;

    private const string CheckHelp = """
        wgec check <files|folders|globs> [options]

        Reads the compilation format (.txt with "Recommendation N." headings), Markdown drafts ("## ID title"
        headings) or plain text (one proposal), and reports per proposal the verdict on each characteristic of
        the profile, the conformance score and the diagnostics that led there.

        Options:
          --profile core|full   characteristics to judge (default: core; full adds the further twelve)
          --format text|json    output format (default: text)
          --output FILE         write to FILE instead of standard output (written only when the check succeeds)
          --rules DIR           rules folder (default: the rules shipped with wgec)
        """;

    private const string EvalHelp = """
        wgec eval --gold <file.tsv> <inputs> [options]

        Compares the verdicts with labels (columns: id, then one column per characteristic code with m, v or n)
        and prints per characteristic Cohen's kappa, accuracy and precision/recall/F1 of violates and of meets.

        Options:
          --gold FILE           the labels (required)
          --profile core|full   characteristics to judge (default: core)
          --format text|json    output format (default: text)
          --disagreements       also list every item where the verdict differs from the label
          --rules DIR           rules folder
        """;

    private const string RulesHelp = """
        wgec rules [--characteristic CODE] [--write-docs DIR] [--rules DIR]

        Lists the rules (id, characteristic, polarity, default severity, title). --write-docs DIR writes one
        documentation page per rule (DIR/WGECnnnn.md).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                await stdout.WriteLineAsync(MainHelp);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args[0] is "--version")
            {
                await stdout.WriteLineAsync(JsonReporter.Version);
                return Ok;
            }
            var options = Options.Parse(args.Skip(1).ToArray());
            return args[0] switch
            {
                "check" => options.Help ? Print(stdout, CheckHelp) : await Check(options, stdout),
                "eval" => options.Help ? Print(stdout, EvalHelp) : await Eval(options, stdout),
                "rules" => options.Help ? Print(stdout, RulesHelp) : await ListRules(options, stdout),
                _ => throw new UsageException($"unknown command '{args[0]}'; see 'wgec --help'"),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"wgec: {e.Message}");
            return Usage;
        }
        catch (WgecException e)
        {
            await stderr.WriteLineAsync(e.Describe());
            return Usage;
        }
    }

    private static int Print(TextWriter w, string text)
    {
        w.WriteLine(text);
        return Ok;
    }

    private static RuleSet LoadRules(Options o) =>
        RuleSetLoader.Load(o.Rules ?? Path.Combine(AppContext.BaseDirectory, "rules"));

    private static string Profile(Options o, RuleSet rules)
    {
        var profile = o.Profile ?? "core";
        if (!rules.Profiles.ContainsKey(profile))
            throw new UsageException($"unknown profile '{profile}'; known profiles: {string.Join(", ", rules.Profiles.Keys)}");
        return profile;
    }

    private static async Task<int> Check(Options o, TextWriter stdout)
    {
        if (o.Inputs.Count == 0) throw new UsageException("check needs at least one file, folder or glob; see 'wgec check --help'");
        var format = o.Format ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"unknown format '{format}'; expected text or json");
        _ = Wgec.Analysis.EntityRecognizer.WarmUpAsync();
        var rules = LoadRules(o);
        var profile = Profile(o, rules);
        var documents = InputExpander.Expand(o.Inputs).Select(DocumentReader.Read).ToList();
        var result = new Checker(rules).Check(documents, profile);
        var output = format == "json" ? JsonReporter.Render(result) : TextReporter.Render(result);
        await Write(o, stdout, output);
        return result.AllDiagnostics.Any(d => d.Severity == Severity.Error) ? Findings : Ok;
    }

    private static async Task<int> Eval(Options o, TextWriter stdout)
    {
        if (o.Gold is null) throw new UsageException("eval needs --gold FILE");
        if (o.Inputs.Count == 0) throw new UsageException("eval needs the inputs the labels refer to");
        var rules = LoadRules(o);
        var profile = Profile(o, rules);
        var gold = GoldEvaluator.ReadGold(o.Gold);
        var documents = InputExpander.Expand(o.Inputs).Select(DocumentReader.Read).ToList();
        var result = new Checker(rules).Check(documents, profile);
        var report = GoldEvaluator.Evaluate(gold, result);
        if (report.Items == 0) throw new WgecException(o.Gold, null, "none of the labelled ids was found in the inputs");
        var text = (o.Format ?? "text") == "json" ? EvalRendering.Json(report) : EvalRendering.Text(report, o.Disagreements);
        await Write(o, stdout, text);
        return Ok;
    }

    private static async Task<int> ListRules(Options o, TextWriter stdout)
    {
        var rules = LoadRules(o);
        var selected = rules.Rules.Where(r => o.Characteristic is null || r.Characteristic == o.Characteristic).ToList();
        if (o.WriteDocs is { } dir)
        {
            Directory.CreateDirectory(dir);
            foreach (var r in selected)
                await File.WriteAllTextAsync(Path.Combine(dir, r.Id + ".md"), RuleDocs.Page(r, rules), new UTF8Encoding(false));
            await stdout.WriteLineAsync($"wrote {selected.Count} rule pages to {dir}");
            return Ok;
        }
        var sb = new StringBuilder();
        foreach (var r in selected)
            sb.Append($"{r.Id}  {r.Characteristic,-5}  {r.PolarityName,-8}  {r.DefaultSeverity.Name(),-7}  {r.Title}\n");
        await stdout.WriteAsync(sb.ToString());
        return Ok;
    }

    /// <summary>Output goes to a temporary file first, so a failed run never leaves half a report behind.</summary>
    private static async Task Write(Options o, TextWriter stdout, string text)
    {
        if (o.Output is null)
        {
            await stdout.WriteAsync(text);
            return;
        }
        var full = Path.GetFullPath(o.Output);
        var tmp = full + ".tmp";
        await File.WriteAllTextAsync(tmp, text, new UTF8Encoding(false));
        File.Move(tmp, full, overwrite: true);
    }
}

public sealed class UsageException(string message) : Exception(message);
