using System.Security.Cryptography;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The embedded default's secrets: each a random value created on first start and kept in a file of the data folder
/// (owner read/write only), so it survives restarts and never lives in the repository.
/// </summary>
public static class SecretFiles
{
    /// <summary>Bytes of a created secret.</summary>
    public const int SecretBytes = 32;

    /// <summary>
    /// The text of <paramref name="fileName"/> in <paramref name="dataFolder"/>, created with <paramref name="create"/>
    /// when missing. Servers starting at once agree on one value: the file appears whole (written aside, then moved) and
    /// the first one in wins.
    /// </summary>
    public static string ReadOrCreate(string dataFolder, string fileName, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var path = Path.Combine(dataFolder, fileName);
        try
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }

            CreateFolder(dataFolder);
            var aside = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(aside, create() + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(aside);
            }

            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException($"The secret file {path} cannot be read or created: {e.Message}", e);
        }
    }

    /// <summary>A new random secret, base64.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The bytes of a configured base64 secret of at least <see cref="SecretBytes"/> bytes.</summary>
    public static byte[] Decode(string setting, string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length >= SecretBytes
                ? bytes
                : throw new StartupRefusedException($"{setting} must hold at least {SecretBytes} bytes; it holds {bytes.Length}.");
        }
        catch (FormatException)
        {
            throw new StartupRefusedException($"{setting} must be base64.");
        }
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
