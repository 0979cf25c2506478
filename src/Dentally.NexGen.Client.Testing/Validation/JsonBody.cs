using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>Reads a request body that must be a JSON object; anything else is a 400 <c>malformed-request</c>.</summary>
internal static class JsonBody
{
    public static bool TryReadObject(SandboxRequest request, out JObject body, out SandboxResponse? malformed, bool emptyMeansEmptyObject = false)
    {
        malformed = null;
        body = new JObject();
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            if (emptyMeansEmptyObject)
            {
                return true;
            }

            malformed = Problems.Malformed(request, "The request body is required.");
            return false;
        }

        if (SandboxJson.TryParse(request.Body) is JObject parsed)
        {
            body = parsed;
            return true;
        }

        malformed = Problems.Malformed(request, "The request body is not a valid JSON object.");
        return false;
    }
}
