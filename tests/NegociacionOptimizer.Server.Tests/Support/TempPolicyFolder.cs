using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Policies;
using V1 = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>A temporary policies folder, deleted afterwards, with helpers to write policy files.</summary>
public sealed class TempPolicyFolder : IDisposable
{
    public TempPolicyFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negociacion-policies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The built-in policy's complete message under another id, version and description.</summary>
    public static V1.Policy Policy(string id, int version = 1, string currency = "COP")
    {
        var message = PolicyToProto.Map(PolicyDefaults.BuiltIn);
        message.Id = id;
        message.Version = version;
        message.Description = $"{id} v{version}";
        message.Currency = currency;
        return message;
    }

    public static string Json(V1.Policy policy) => JsonFormatter.Default.Format(policy);

    public string Write(V1.Policy policy, string? fileName = null) => WriteText(fileName ?? policy.Id + ".json", Json(policy));

    public string WriteText(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Delete(string fileName) => File.Delete(System.IO.Path.Combine(Path, fileName));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is left behind then.
        }
    }
}
