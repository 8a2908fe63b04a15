using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace Wgec.Analysis;

/// <summary>
/// Numbers, percentages, ordinals, dates, date ranges, durations and recurrences found by
/// Microsoft.Recognizers.Text. Recognition is by far the most expensive step of a check, so each sentence
/// first passes a cheap gate: a model runs only on sentences that contain a digit or one of the words that
/// model can start from (see <see cref="NumberGate"/>, <see cref="PercentageGate"/> and <see cref="TemporalGate"/>). A test runs the
/// models ungated over the whole compilation to prove that the gates lose nothing.
/// Models are built once per process and shared (they are thread-safe).
/// </summary>
public sealed partial class EntityRecognizer
{
    public static readonly string[] Kinds = ["number", "percentage", "ordinal", "date", "daterange", "duration", "set", "datetime"];

    /// <summary>All dates are resolved against this fixed day, so output never depends on when it runs.</summary>
    public static readonly DateTime ReferenceDate = new(2017, 4, 26, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly Lazy<EntityRecognizer> Shared = new(() => new EntityRecognizer(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static EntityRecognizer Instance => Shared.Value;

    /// <summary>Builds the models on the thread pool (≈0.3 s) while the caller loads and compiles the rules.</summary>
    public static Task WarmUpAsync() => Task.Run(() => Shared.Value);

    private readonly IModel _number;
    private readonly IModel _percentage;
    private readonly IModel _ordinal;
    private readonly DateTimeModel _dateTime;

    private EntityRecognizer()
    {
        var numbers = new NumberRecognizer(Culture.English);
        _number = numbers.GetNumberModel();
        _percentage = numbers.GetPercentageModel();
        _ordinal = numbers.GetOrdinalModel();
        _dateTime = (DateTimeModel)new DateTimeRecognizer(Culture.English).GetDateTimeModel();
    }

    [GeneratedRegex(@"\d|%|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|half|halves|quarters?|thirds?|fourths?|fifths?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenths?|(?:twen|thir|for|fif|six|seven|eigh|nine)tieths?|(?:hundred|thousand|million|billion|trillion)ths?|couple|pair|single|double|twice|percent|per\s*cent|a\s+few)\b", RegexOptions.IgnoreCase)]
    public static partial Regex NumberGate();

    /// <summary>
    /// The English percentage model reads a percentage only from "%" or a word containing "cent" ("per cent",
    /// "percent", "percentage", "cents"); it is the costliest model (it extracts every number again first), and
    /// most sentences with a number have neither.
    /// </summary>
    [GeneratedRegex(@"%|cent", RegexOptions.IgnoreCase)]
    public static partial Regex PercentageGate();

    [GeneratedRegex(@"\d|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|now|currently|recent(?:ly)?|past|future|present|years?|yearly|annual|annually|months?|monthly|weeks?|weekly|days?|daily|hours?|hourly|minutes?|seconds?|decades?|century|centuries|quarter|quarterly|semester|season|biennial|biennially|fortnight|fortnightly|weekend|morning|afternoon|evening|night|noon|midnight|ago|christmas|easter|summer|autumn|winter|ramadan|thanksgiving|halloween|holidays?|nowadays|anniversary)\b", RegexOptions.IgnoreCase)]
    public static partial Regex TemporalGate();

    /// <summary>
    /// Results that are artefacts, not quantities or times: the modal verb "may" read as the month, relative
    /// ordinals ("current", "next") and percentages without a figure ("percentage", the "cent" of "recent").
    /// Dropped whether or not the gates ran, so gating stays lossless.
    /// </summary>
    private static bool IsArtefact(string kind, string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return kind switch
        {
            "ordinal" => v is "current" or "next" or "previous" or "last" or "former" or "latter",
            "percentage" => v is "percentage" or "percentages" or "cent" or "per cent" or "percent",
            "date" or "daterange" or "datetime" => v == "may",
            _ => false,
        };
    }

    /// <summary>The model that finds an entity kind: only the models some rule asks for are run, since each one
    /// scans the whole sentence (the percentage model even extracts every number again).</summary>
    public static EntityModels ModelsFor(string kind) => kind switch
    {
        "number" => EntityModels.Number,
        "percentage" => EntityModels.Percentage,
        "ordinal" => EntityModels.Ordinal,
        _ => EntityModels.DateTime,
    };

    /// <summary>Entities of one sentence; offsets relative to <paramref name="sentence"/>.</summary>
    public List<Entity> Recognize(string sentence, bool gated = true, EntityModels models = EntityModels.All)
    {
        var found = new List<Entity>();
        if ((models & EntityModels.Numbers) != 0 && (!gated || NumberGate().IsMatch(sentence)))
        {
            if ((models & EntityModels.Number) != 0) Add(found, "number", _number.Parse(sentence));
            if ((models & EntityModels.Percentage) != 0 && (!gated || PercentageGate().IsMatch(sentence))) Add(found, "percentage", _percentage.Parse(sentence));
            if ((models & EntityModels.Ordinal) != 0) Add(found, "ordinal", _ordinal.Parse(sentence));
        }
        if ((models & EntityModels.DateTime) != 0 && (!gated || TemporalGate().IsMatch(sentence)))
        {
            foreach (var r in _dateTime.Parse(sentence, ReferenceDate))
            {
                var kind = r.TypeName.StartsWith("datetimeV2.", StringComparison.Ordinal) ? r.TypeName["datetimeV2.".Length..] : r.TypeName;
                kind = kind switch
                {
                    "date" => "date",
                    "daterange" => "daterange",
                    "duration" => "duration",
                    "set" => "set",
                    _ => "datetime",
                };
                found.Add(new Entity(kind, r.Start, r.End + 1, r.Text));
            }
        }
        found.RemoveAll(e => IsArtefact(e.Kind, e.Value));
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Kind, b.Kind));
        return found;
    }

    private static void Add(List<Entity> found, string kind, List<ModelResult> results)
    {
        foreach (var r in results) found.Add(new Entity(kind, r.Start, r.End + 1, r.Text));
    }
}

/// <summary>A recognized entity: its kind (see <see cref="EntityRecognizer.Kinds"/>), [Start, End) offsets and the words found.</summary>
public readonly record struct Entity(string Kind, int Start, int End, string Value);

/// <summary>The recognizer's models: three number models (sharing one gate) and the date/time model.</summary>
[Flags]
public enum EntityModels
{
    None = 0,
    Number = 1,
    Percentage = 2,
    Ordinal = 4,
    DateTime = 8,
    Numbers = Number | Percentage | Ordinal,
    All = Numbers | DateTime,
}
