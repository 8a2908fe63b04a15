using Wgec.Reporting;

namespace Wgec.Cli;

internal static class HelpText
{
    public static readonly string Main = $"""
        wgec — checks policy proposals against the WGEC characteristics of a good recommendation.

        Usage:
          wgec check <files|folders|globs|-> [--profile core|full] [--format {OutputFormats.Choices("check")}] [--output FILE]
                     [--baseline FILE] [--write-baseline FILE] [--stdin-filename NAME] [--rules DIR]
          wgec diff OLD NEW | wgec diff --git REV [paths]   [--profile …] [--format text|json]
          wgec fix <paths> [--dry-run]
          wgec explain WGEC0101 | wgec explain <proposal-id> <file>
          wgec rules [--characteristic CODE] [--polarity meets|violates] [--write-docs DIR | --test]
          wgec eval --gold <file.tsv> <inputs> [--profile …] [--format text|json] [--disagreements]
          wgec report <inputs> --format {OutputFormats.Choices("report")} -o FILE [--profile …]
          wgec init [DIR] [--force]
          wgec lsp [--rules DIR]                              language server for editors (stdio)
          wgec <command> --help

        Configuration: the nearest wgec.yaml above each input (see 'wgec init').
        Inputs: regular files up to 64 MiB (--max-file-size); in a folder, hidden entries are passed over, and a
        file that cannot be read is reported (exit 2) while the others are still checked.
        Exit codes: 0 fine; 1 a reported finding has severity error, a proposal is below min-score, or (diff)
        something got worse; 2 usage, input, configuration or rule-file error.
        """;

    public static string? For(string command) => command switch
    {
        "lsp" => """
            wgec lsp [--rules DIR]

            A Language Server Protocol server on standard input and output, for editors: diagnostics as you type
            (pushed, and pulled with textDocument/diagnostic), hover on a finding or a proposal heading, quick
            fixes, suppression comments, code lenses with each proposal's score, and the command wgec.explain.
            Each draft is judged with the nearest wgec.yaml, as 'wgec check' judges the saved file. Editor
            settings (initializationOptions or workspace/didChangeConfiguration, optionally under "wgec"):
            profile, rules (extra rule folders), severity (rule id → error|warning|info|none), showSuppressed,
            showEvidence, debounceMs. Logs go to standard error. Set-up per editor: docs/editors.md.

            Options:
              --rules DIR                 use DIR instead of the built-in rules
            """,
        "check" => $"""
            wgec check <files|folders|globs|-> [options]

            Reads the compilation format (.txt with "Recommendation N." headings), Markdown drafts ("## ID title"
            headings) or plain text (one proposal), and reports per proposal the verdict on each characteristic of
            the profile, the conformance score and the diagnostics that led there.

            Options:
              --profile core|full         characteristics to judge (default: wgec.yaml's, else core)
              --format {OutputFormats.Choices("check")}
                                          output format (default: {OutputFormats.Of("check")[0].Name}):
            {Formats("check", 30)}
              --output FILE               write to FILE (written only when the check ran)
              --baseline FILE             report only findings whose fingerprint is not in FILE
              --write-baseline FILE       record today's findings as the baseline
              --stdin-filename NAME       name (and format) of the text read from '-'
              --rules DIR                 rules folder (default: the rules shipped with wgec)
              --max-file-size MIB         refuse inputs larger than MIB mebibytes (default 64)
            """,
        "eval" => """
            wgec eval --gold <file.tsv> <inputs> [options]

            Compares the verdicts with labels (columns: id, then one column per characteristic code with m, v or n)
            and prints per characteristic Cohen's kappa, accuracy and precision/recall/F1 of violates and of meets.

            Options:
              --gold FILE           the labels (required)
              --profile core|full   characteristics to judge (default: core)
              --format text|json    output format (default: text)
              --disagreements       also list every item where the verdict differs from the label
              --rules DIR           rules folder
            """,
        "rules" => """
            wgec rules [--characteristic CODE] [--polarity meets|violates] [--write-docs DIR | --test] [--rules DIR]

            Lists the rules (id, characteristic, polarity, default severity, title): the built-in ones and those of
            the rule packs wired in by the nearest wgec.yaml. --write-docs DIR writes one documentation page per
            rule (DIR/WGECnnnn.md). --test runs the rules' examples: each trigger must fire on exactly its marked
            [|spans|] (with its 'message' fragment, and reading as its 'fixed' text after the rule's fix), each
            ignore must not fire; a failure is printed at the example's line and the exit code is 1.
            """,
        "explain" => """
            wgec explain WGEC0101              prints the rule's documentation page
            wgec explain <proposal-id> <file>  shows every rule that fired on the proposal, on which facts (the
                                               NRules firing trace), and how the verdicts follow from them
            """,
        "report" => $"""
            wgec report <inputs> [--format {OutputFormats.Choices("report")}] [-o FILE] [--profile core|full] [--rules DIR]

            A conformance report over whole compilations (same verdicts and scores as check; default format {OutputFormats.Of("report")[0].Name}):
            {Formats("report", 2)}
            Inputs may be .txt, .md or .docx. A progress bar shows on an interactive terminal (not under CI=true).
            """,
        "init" => """
            wgec init [DIR] [--force]

            Writes a commented starter wgec.yaml into DIR (default: the current folder).
            """,
        "diff" => """
            wgec diff OLD NEW [options]        two files or two folders
            wgec diff --git REV [paths]        REV against the working tree (default paths: .)

            Matches proposals by id (and by wording when ids changed) and reports, per proposal, verdicts that got
            worse or better, new and resolved findings and score deltas. Exit code 1 when anything got worse.

            Options: --profile core|full, --format text|json, --rules DIR
            """,
        "fix" => """
            wgec fix <paths> [--dry-run]

            Applies the safe fixes of the rules (atomic write, encoding and line endings kept, never a file that
            changed since it was read), then checks again. Fixes that may change meaning are listed as suggestions.
            --dry-run prints a unified diff and changes nothing.
            """,
        _ => null,
    };

    /// <summary>One line per format of the command ("name  help", help lines aligned), indented by <paramref name="indent"/>.</summary>
    private static string Formats(string command, int indent)
    {
        var formats = OutputFormats.Of(command);
        var width = formats.Max(f => f.Name.Length) + 2;
        var pad = new string(' ', indent);
        return string.Join("\n", formats.Select(f =>
            pad + f.Name.PadRight(width) + f.Help.Replace("\n", "\n" + pad + new string(' ', width), StringComparison.Ordinal)));
    }
}
