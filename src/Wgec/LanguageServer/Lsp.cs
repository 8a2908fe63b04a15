using System.Text.Json;
using System.Text.Json.Nodes;
using Wgec.Model;

namespace Wgec.LanguageServer;

/// <summary>Reading request parameters strictly (a wrong shape is an InvalidParams answer) and building LSP shapes.</summary>
public static class Lsp
{
    /// <summary>A member of an object; a missing member, or a node that is not an object, is an InvalidParams answer.</summary>
    public static JsonNode Need(JsonNode? node, string name) =>
        (node as JsonObject)?[name] ?? throw new ProtocolException(ErrorCodes.InvalidParams, $"parameter '{name}' is missing (or its parent is not an object)");

    public static string String(JsonNode? node, string name) =>
        Need(node, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw new ProtocolException(ErrorCodes.InvalidParams, $"parameter '{name}' must be a string");

    public static string? OptionalString(JsonNode? node, string name) =>
        (node as JsonObject)?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int Int(JsonNode? node, string name)
    {
        var value = Need(node, name);
        if (value is JsonValue v && v.TryGetValue<int>(out var i)) return i;
        if (value is JsonValue d && d.TryGetValue<double>(out var x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue) return (int)x;
        throw new ProtocolException(ErrorCodes.InvalidParams, $"parameter '{name}' must be an integer");
    }

    public static string Uri(JsonNode? parameters) => String(Need(parameters, "textDocument"), "uri");

    public static JsonObject Position(SourceText source, int offset)
    {
        var (line, column) = source.Position(Math.Clamp(offset, 0, source.Text.Length));
        return new JsonObject { ["line"] = line - 1, ["character"] = column - 1 };
    }

    public static JsonObject Range(SourceText source, int start, int end) =>
        new() { ["start"] = Position(source, start), ["end"] = Position(source, Math.Max(start, end)) };

    /// <summary>The whole of one 0-based line.</summary>
    public static JsonObject LineRange(SourceText source, int line)
    {
        line = Math.Clamp(line, 0, source.LineCount - 1);
        return Range(source, source.LineStart(line), source.LineEnd(line));
    }

    public static JsonObject Markdown(string value) => new() { ["kind"] = "markdown", ["value"] = value };

    /// <summary>A file URI for a local path (percent-encoded, as editors compare them).</summary>
    public static string FileUri(string path) => new System.Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri;

    public static JsonObject Error(JsonNode? id, int code, string message) => new()
    {
        ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    public static JsonObject Result(JsonNode? id, JsonNode? result) => new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };

    public static JsonObject Notification(string method, JsonNode? parameters) => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    public static bool Bool(JsonNode? node, bool fallback) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : fallback;
}
