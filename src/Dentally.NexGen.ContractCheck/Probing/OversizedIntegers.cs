using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Integers beyond a <see cref="long"/>, which Newtonsoft.Json reads as a <see cref="BigInteger"/> and NJsonSchema's
/// validation cannot convert (an <see cref="InvalidCastException"/>, which would end the check on any member holding one):
/// held as the nearest <see cref="long"/>, which is beyond every integer the contract has all the same.
/// </summary>
internal static class OversizedIntegers
{
    public static JToken Clamp(JToken token)
    {
        var values = token is JContainer container ? container.DescendantsAndSelf().OfType<JValue>() : [(JValue)token];
        foreach (var value in values.Where(v => v.Value is BigInteger).ToList())
        {
            value.Value = ((BigInteger)value.Value!).Sign < 0 ? long.MinValue : long.MaxValue;
        }

        return token;
    }
}
