using System.Text;
using Wgec.Config;
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

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                await stdout.WriteLineAsync(HelpText.Main);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args[0] is "--version")
            {
                await stdout.WriteLineAsync(JsonReporter.Version);
                return Ok;
            }
            var o = Options.Parse(args.Skip(1).ToArray());
            if (o.Help)
            {
                await stdout.WriteLineAsync(HelpText.For(args[0]) ?? throw new UsageException($"unknown command '{args[0]}'; see 'wgec --help'"));
                return Ok;
            }
            return args[0] switch
            {
                "check" => await Check(o, stdout, stderr, stdin),
                "eval" => await Eval(o, stdout, stderr),
                "rules" => await ListRules(o, stdout),
                "explain" => await Explain(o, stdout, stdin),
                "init" => await Init(o, stdout),
                "report" => await Report(o, stdout, stderr),
                "diff" => await DiffCommand.Run(o, stdout),
                "fix" => await FixCommand.Run(o, stdout, stderr),
                "lsp" => await LanguageServer(o, stderr),
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
        catch (InputProblems e)
        {
            foreach (var p in e.Problems) await stderr.WriteLineAsync(p.Describe());
            return Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file-system error no command foresaw (a full disk, a folder that cannot be created): its message
            // names the path; the tool never ends with a stack trace.
            await stderr.WriteLineAsync($"wgec: error: {e.Message}");
            return Usage;
        }
    }

    /// <summary>After a command's output: the inputs that could not be read, as a compiler lists them; then exit 2.</summary>
    private static async Task<int> Finish(Session session, TextWriter stderr, int code)
    {
        foreach (var p in session.Problems) await stderr.WriteLineAsync(p.Describe());
        return session.Problems.Count > 0 ? Usage : code;
    }

    /// <summary>
    /// Rules for the commands that take no input files ('rules', 'explain WGEC0101'): the built-in (or --rules)
    /// folder plus the rule packs of the wgec.yaml nearest the current folder, as 'check' would load them there.
    /// </summary>
    private static RuleSet LoadRules(Options o)
    {
        var config = WgecConfig.FindFor(Environment.CurrentDirectory);
        return Session.LoadRules(o, config?.RuleFolders ?? []);
    }

    private static async Task<int> Check(Options o, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        if (o.Inputs.Count == 0) throw new UsageException("check needs at least one file, folder or glob ('-' for standard input); see 'wgec check --help'");
        var format = FormatOf("check", o);
        var baseline = o.Baseline is { } b ? Baseline.Read(b) : null;
        var session = Session.Open(o, stdin);
        var result = session.Check(baseline);
        var input = new ReportInput(result, session.Rules, Session.RepositoryRoot(o.Inputs));
        if (o.WriteBaseline is { } path) Baseline.Write(path, Baseline.Render(result));
        await Write(o, stdout, w => format.Write(input, w));
        return await Finish(session, stderr, result.Fails ? Findings : Ok);
    }

    /// <summary>The --format a command was given, else its default (the first it lists).</summary>
    private static OutputFormat FormatOf(string command, Options o) => o.Format is null
        ? OutputFormats.Of(command)[0]
        : OutputFormats.Find(command, o.Format) ?? throw new UsageException(
            $"unknown {(command == "check" ? "" : command + " ")}format '{o.Format}'; expected {OutputFormats.Listed(command)}");

    private static async Task<int> Eval(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Gold.Count == 0) throw new UsageException("eval needs --gold FILE [FILE...]");
        if (o.Inputs.Count == 0) throw new UsageException("eval needs the inputs the labels refer to");
        var format = o.Format ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"unknown format '{format}'; expected text or json");
        var gold = GoldEvaluator.ReadGold(o.Gold);
        var session = Session.Open(o, null);
        var result = session.Check();
        GoldEvaluator.Validate(gold, session.Rules.Characteristics.Select(c => c.Code));
        var report = GoldEvaluator.Evaluate(gold, result);
        if (report.Items == 0) throw new WgecException(o.Gold[0], null, "none of the labelled ids was found in the inputs");
        var text = format == "json" ? EvalRendering.Json(report, o.Disagreements) : EvalRendering.Text(report, o.Disagreements);
        await Write(o, stdout, text);
        return await Finish(session, stderr, Ok);
    }

    private static async Task<int> ListRules(Options o, TextWriter stdout)
    {
        var rules = LoadRules(o);
        if (o.Characteristic is { } code && rules.Characteristics.All(c => c.Code != code))
            throw new UsageException($"unknown characteristic '{code}'");
        if (o.Polarity is not (null or "meets" or "violates")) throw new UsageException("--polarity takes meets or violates");
        var selected = rules.Rules.Where(r => (o.Characteristic is null || r.Characteristic == o.Characteristic)
                                              && (o.Polarity is null || r.PolarityName == o.Polarity)).ToList();
        if (o.Test)
        {
            if (o.WriteDocs is not null) throw new UsageException("--test and --write-docs are separate runs");
            var failures = new RuleExamples(rules).Run(selected);
            var report = new StringBuilder();
            foreach (var f in failures) report.Append(f.Describe()).Append('\n');
            var examples = selected.Sum(r => r.Triggers.Count + r.Ignores.Count);
            var failed = failures.Select(f => f.Example).Distinct().Count();
            report.Append($"{examples - failed} of {examples} examples of {selected.Count} rules show what their rule promises");
            report.Append(failed > 0 ? $"; {failed} do not\n" : "\n");
            await stdout.WriteAsync(report.ToString());
            return failed > 0 ? Findings : Ok;
        }
        if (o.WriteDocs is { } dir)
        {
            if (File.Exists(dir)) throw new WgecException(dir, null, "is a file; --write-docs needs a folder");
            Directory.CreateDirectory(dir);
            foreach (var r in selected) AtomicFile.Write(Path.Combine(dir, r.Id + ".md"), RuleDocs.Page(r, rules));
            if (selected.Count == rules.Rules.Count) AtomicFile.Write(Path.Combine(dir, "README.md"), RuleDocs.Index(rules));
            await stdout.WriteLineAsync($"wrote {selected.Count} rule pages to {dir}");
            return Ok;
        }
        var sb = new StringBuilder();
        foreach (var r in selected)
            sb.Append($"{r.Id}  {r.Characteristic,-5}  {r.PolarityName,-8}  {r.DefaultSeverity.Name(),-7}  {r.Title}\n");
        await stdout.WriteAsync(sb.ToString());
        return Ok;
    }

    /// <summary>"explain WGEC0101" prints the rule's page; "explain R17 FILE" shows why the proposal's verdicts came out as they did.</summary>
    private static async Task<int> Explain(Options o, TextWriter stdout, TextReader? stdin)
    {
        if (o.Inputs.Count == 0) throw new UsageException("explain needs a rule id (WGEC0101) or a proposal id and its file");
        var target = o.Inputs[0];
        if (o.Inputs.Count == 1)
        {
            var rules = LoadRules(o);
            var rule = rules.Rule(target) ?? throw new UsageException($"unknown rule '{target}'; see 'wgec rules'");
            await stdout.WriteAsync(RuleDocs.Page(rule, rules));
            return Ok;
        }
        var session = Session.Open(o, stdin, o.Inputs.Skip(1));
        var firings = new List<(Proposal, Firing)>();
        session.Checker.OnFiring = (p, f) => { if (p.Id == target) lock (firings) firings.Add((p, f)); };
        var result = session.Check();
        var proposal = result.Documents.SelectMany(d => d.Proposals).FirstOrDefault(p => p.Proposal.Id == target)
                       ?? throw new UsageException($"no proposal '{target}' in {string.Join(", ", o.Inputs.Skip(1))}");
        await stdout.WriteAsync(ExplainReport.Render(proposal, firings.Select(f => f.Item2), session.Rules, session.Checker.LeafNames));
        return Ok;
    }

    private static async Task<int> Report(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Inputs.Count == 0) throw new UsageException("report needs at least one file or folder; see 'wgec report --help'");
        var format = FormatOf("report", o);
        var session = Session.Open(o, null);
        var result = session.Check();
        var input = new ReportInput(result, session.Rules, Session.RepositoryRoot(o.Inputs));
        await Write(o, stdout, w => format.Write(input, w));
        return await Finish(session, stderr, Ok);
    }

    /// <summary>The editor's server speaks on the process's own standard streams, never through the text writers.</summary>
    private static async Task<int> LanguageServer(Options o, TextWriter stderr)
    {
        if (o.Inputs.Count > 0) throw new UsageException("lsp takes no inputs: the editor sends the drafts; see 'wgec lsp --help'");
        var rules = o.Rules ?? Path.Combine(AppContext.BaseDirectory, "rules");
        if (!Directory.Exists(rules)) throw new UsageException($"rule folder '{rules}' does not exist");
        var server = new Wgec.LanguageServer.WgecLanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), stderr, rules);
        return await server.RunAsync();
    }

    private static async Task<int> Init(Options o, TextWriter stdout)
    {
        var dir = o.Inputs.FirstOrDefault() ?? ".";
        var path = Path.Combine(dir, WgecConfig.FileName);
        if (File.Exists(path) && !o.Force) throw new WgecException(path, null, "already exists (use --force to overwrite)");
        if (File.Exists(dir)) throw new WgecException(dir, null, "is a file; init needs a folder");
        Directory.CreateDirectory(dir);
        AtomicFile.Write(path, WgecConfig.Starter + "\n");
        await stdout.WriteLineAsync($"wrote {path}");
        return Ok;
    }

    /// <summary>Output to -o goes to a temporary file first, so a failed run never leaves half a report behind.</summary>
    internal static Task Write(Options o, TextWriter stdout, string text) => Write(o, stdout, w => w.Write(text));

    /// <summary>To -o (through a temporary file, streamed) or standard output.</summary>
    internal static async Task Write(Options o, TextWriter stdout, Action<TextWriter> body)
    {
        if (o.Output is null)
        {
            body(stdout);
            await stdout.FlushAsync();
            return;
        }
        AtomicFile.Write(o.Output, body);
    }
}

public sealed class UsageException(string message) : Exception(message);
