using System.Text;
using Grpc.Core;

namespace NegociacionOptimizer.Server.Services;

/// <summary>gRPC status code names as the protocol spells them (e.g. DEADLINE_EXCEEDED), for ItemError.code.</summary>
public static class StatusNames
{
    /// <summary>The canonical name of <paramref name="code"/>.</summary>
    public static string Of(StatusCode code)
    {
        var name = code.ToString();
        var upper = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                upper.Append('_');
            }

            upper.Append(char.ToUpperInvariant(name[i]));
        }

        return upper.ToString();
    }
}
