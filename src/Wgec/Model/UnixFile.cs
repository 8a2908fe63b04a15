using System.Runtime.InteropServices;

namespace Wgec.Model;

/// <summary>
/// What .NET does not say about a file on Linux: its type (regular, device, pipe), hard-link count and owner,
/// read with the C library's stat(2). Elsewhere (or with an older C library) <see cref="Stat"/> is null and the
/// callers fall back to what .NET offers.
/// </summary>
internal static class UnixFile
{
    public sealed record Status(bool IsRegular, bool IsDirectory, long Links, uint Owner, uint Group);

    private const uint TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000;

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int NativeChown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint NativeGetEuid();

    private static bool Supported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>The file a path names, links followed; null when it does not exist or this platform cannot say.</summary>
    public static Status? Stat(string path)
    {
        if (!Supported) return null;
        var buffer = new byte[256];
        try
        {
            if (NativeStat(path, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        // struct stat differs by architecture: x86-64 has a 64-bit st_nlink before st_mode; arm64 (the generic
        // layout) has st_mode then a 32-bit st_nlink.
        uint mode, owner, group;
        long links;
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            links = BitConverter.ToInt64(buffer, 16);
            mode = BitConverter.ToUInt32(buffer, 24);
            owner = BitConverter.ToUInt32(buffer, 28);
            group = BitConverter.ToUInt32(buffer, 32);
        }
        else
        {
            mode = BitConverter.ToUInt32(buffer, 16);
            links = BitConverter.ToUInt32(buffer, 20);
            owner = BitConverter.ToUInt32(buffer, 24);
            group = BitConverter.ToUInt32(buffer, 28);
        }
        return new Status((mode & TypeMask) == Regular, (mode & TypeMask) == Directory, links, owner, group);
    }

    public static uint? EffectiveUser() => Supported ? NativeGetEuid() : null;

    /// <summary>Gives a file the owner and group of another; false when not permitted (only root may give files away).</summary>
    public static bool TryChown(string path, uint owner, uint group) => Supported && NativeChown(path, owner, group) == 0;
}
