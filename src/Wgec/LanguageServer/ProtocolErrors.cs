namespace Wgec.LanguageServer;

/// <summary>JSON-RPC and LSP error codes used by the server.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700, InvalidRequest = -32600, MethodNotFound = -32601, InvalidParams = -32602,
        InternalError = -32603, ServerNotInitialized = -32002, RequestCancelled = -32800, ContentModified = -32801;
}

/// <summary>An error to answer a request with (JSON-RPC code and message) rather than a crash.</summary>
public sealed class ProtocolException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
