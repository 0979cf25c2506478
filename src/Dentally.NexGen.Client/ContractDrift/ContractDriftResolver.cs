using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Dentally.NexGen.Client;

/// <summary>
/// Newtonsoft.Json's default contracts, plus what lets the SDK see contract drift at no cost when there is
/// none: a member the contract does not define lands in a model's <c>AdditionalProperties</c> (as
/// before), and once the object is read it is recorded as drift (<see cref="ContractDriftScope"/>). Problem bodies are
/// left out: RFC 9457 lets a problem carry members of its own.
/// </summary>
internal sealed class ContractDriftResolver : DefaultContractResolver
{
    /// <summary>
    /// The members that take their values from the contract's <c>AppointmentStatus</c> schema. They name it
    /// by <c>$ref</c>, and NJsonSchema gives a template no extension data of a referenced schema, so
    /// CodeGeneration/Class.liquid cannot see its <c>x-extensible-enum</c>: it is applied here, with the
    /// values the build read from the spec.
    /// </summary>
    private static readonly ExtensibleValueConverter AppointmentStatus = new(ContractValues.AppointmentStatus);

    /// <summary>Every <see cref="DateTimeOffset"/> of a model is a contract instant (<c>format: date-time</c>, the generator's <c>dateTimeType</c>).</summary>
    private static readonly InstantConverter Instant = new();

    private ContractDriftResolver()
    {
    }

    /// <summary>One instance, so every serializer of the SDK shares its contract cache.</summary>
    public static ContractDriftResolver Instance { get; } = new();

    /// <summary>
    /// Makes <paramref name="settings"/> see drift through Newtonsoft.Json's own hooks, which run only on a
    /// difference: unknown members through this resolver (a resolver of the caller's own is kept, and
    /// unknown members then go unreported), a missing or mistyped member through the error handler.
    /// </summary>
    public static void Watch(JsonSerializerSettings settings)
    {
        settings.ContractResolver ??= Instance;
        settings.Error -= ContractDriftScope.OnError;
        settings.Error += ContractDriftScope.OnError;
    }

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (typeof(IReceivedExtensionData).IsAssignableFrom(objectType) && !typeof(Problem).IsAssignableFrom(objectType))
        {
            contract.OnDeserializedCallbacks.Add(RecordUndocumentedMembers);
        }

        var modelLists = contract.Properties.Where(IsModelList).ToArray();
        if (modelLists.Length > 0)
        {
            contract.OnDeserializedCallbacks.Add((target, context) => RefuseNullItems(target, context, modelLists));
        }

        return contract;
    }

    /// <summary>A list of the contract's objects (a page's <c>items</c>, <c>suggested_slots</c>…), which no item of may be <c>null</c>.</summary>
    private static bool IsModelList(JsonProperty property)
        => property.PropertyType is { IsGenericType: true } type
            && type.GetGenericArguments() is { Length: 1 } items
            && typeof(IReceivedExtensionData).IsAssignableFrom(items[0])
            && typeof(IEnumerable<>).MakeGenericType(items[0]).IsAssignableFrom(type);

    /// <summary>
    /// A <c>null</c> where the contract has an object is a member of another type, as it is outside a
    /// list, where Newtonsoft.Json already refuses it: the caller would otherwise meet it as a
    /// <see cref="NullReferenceException"/>, far from the response.
    /// </summary>
    private static void RefuseNullItems(object target, StreamingContext context, JsonProperty[] lists)
    {
        foreach (var list in lists)
        {
            // The lists read are List<T>: IndexOf finds a null without an enumerator per object read.
            if (list.ValueProvider!.GetValue(target) is System.Collections.IList items && items.IndexOf(null) is var index and >= 0)
            {
                ContractDriftScope.Of(context)?.RecordNullItem(list.PropertyName!, index);
                throw new JsonSerializationException("A list of the contract's objects holds null.");
            }
        }
    }

    /// <summary>Once an object is read: the members it received that the contract does not define, if any (most have none, and cost a null check).</summary>
    private static void RecordUndocumentedMembers(object target, StreamingContext context)
    {
        if (((IReceivedExtensionData)target).Received is { Count: > 0 } members)
        {
            ContractDriftScope.Of(context)?.RecordMembers(members.Keys);
        }
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is null && property.DeclaringType == typeof(Appointment) && property.PropertyName == "status")
        {
            property.Converter = AppointmentStatus;
        }
        else if (property.Converter is null && (property.PropertyType == typeof(DateTimeOffset) || property.PropertyType == typeof(DateTimeOffset?)))
        {
            property.Converter = Instant;
        }

        return property;
    }
}
