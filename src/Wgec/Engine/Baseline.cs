using System.Text.Encodings.Web;
using System.Text.Json;
using Wgec.Model;

namespace Wgec.Engine;

/// <summary>A recorded set of accepted findings, by fingerprint: later checks report only what is new.</summary>
public static class Baseline
{
    public static string Render(CheckResult result)
    {
        var findings = result.Reported
            .Select(d => new { fingerprint = d.Fingerprint, ruleId = d.Id, proposal = d.ProposalId ?? "", text = d.Text })
            .OrderBy(f => f.fingerprint, StringComparer.Ordinal).ToList();
        return JsonSerializer.Serialize(new { tool = "wgec", version = 1, findings },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public static HashSet<string> Read(string path)
    {
        var source = Readers.InputFile.Read(path);
        try
        {
            using var doc = JsonDocument.Parse(source.Text);
            if (doc.RootElement.TryGetProperty("version", out var v) && v.GetInt32() != 1)
                throw new WgecException(path, null, $"baseline version {v.GetInt32()} is not supported (expected 1)");
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
                set.Add(f.GetProperty("fingerprint").GetString() ?? throw new WgecException(path, null, "a finding has no fingerprint"));
            return set;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var line = e is JsonException je ? (int?)(je.LineNumber + 1) : null;
            throw new WgecException(path, line, $"not a wgec baseline: {e.Message}");
        }
    }

    public static void Write(string path, string content) => AtomicFile.Write(path, content);
}
