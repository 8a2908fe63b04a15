namespace Wgec.Cli;

/// <summary>Parsed command-line options; unknown options and missing values are usage errors.</summary>
public sealed class Options
{
    public List<string> Inputs { get; } = [];
    public string? Profile { get; private set; }
    public string? Format { get; private set; }
    public string? Output { get; private set; }
    public string? Rules { get; private set; }
    /// <summary>Label files: <c>--gold A.tsv B.tsv</c> (every following .tsv argument) or <c>--gold</c> repeated.</summary>
    public List<string> Gold { get; } = [];
    public string? Characteristic { get; private set; }
    public string? WriteDocs { get; private set; }
    public bool Disagreements { get; private set; }
    public string? Baseline { get; private set; }
    public string? WriteBaseline { get; private set; }
    public string? StdinFilename { get; private set; }
    public string? GitRevision { get; private set; }
    public string? Polarity { get; private set; }
    public bool DryRun { get; private set; }
    /// <summary>'rules --test': run the selected rules' examples.</summary>
    public bool Test { get; private set; }
    public bool Force { get; private set; }
    public bool Help { get; private set; }
    /// <summary>Inputs larger than this are refused (--max-file-size, in MiB).</summary>
    public long MaxFileBytes { get; private set; } = Readers.InputFile.DefaultMaxBytes;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string Value()
            {
                if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1] != "-"))
                    throw new UsageException($"option {a} needs a value");
                return args[++i];
            }
            switch (a)
            {
                case "--profile": o.Profile = Value(); break;
                case "--format": o.Format = Value(); break;
                case "--output" or "-o": o.Output = Value(); break;
                case "--rules": o.Rules = Value(); break;
                case "--gold":
                    o.Gold.Add(Value());
                    while (i + 1 < args.Length && args[i + 1].EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) o.Gold.Add(args[++i]);
                    break;
                case "--characteristic": o.Characteristic = Value(); break;
                case "--write-docs": o.WriteDocs = Value(); break;
                case "--disagreements": o.Disagreements = true; break;
                case "--baseline": o.Baseline = Value(); break;
                case "--write-baseline": o.WriteBaseline = Value(); break;
                case "--stdin-filename": o.StdinFilename = Value(); break;
                case "--git": o.GitRevision = Value(); break;
                case "--polarity": o.Polarity = Value(); break;
                case "--dry-run": o.DryRun = true; break;
                case "--test": o.Test = true; break;
                case "--force": o.Force = true; break;
                case "--help" or "-h": o.Help = true; break;
                case "--max-file-size":
                    var text = Value();
                    if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mib) || mib is < 1 or > 64 * 1024)
                        throw new UsageException($"--max-file-size takes a number of MiB from 1 to 65536, not '{text}'");
                    o.MaxFileBytes = mib * 1024 * 1024;
                    break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unknown option '{a}'");
                    o.Inputs.Add(a);
                    break;
            }
        }
        return o;
    }
}
