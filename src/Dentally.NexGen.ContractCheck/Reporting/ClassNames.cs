namespace Dentally.NexGen.ContractCheck.Reporting;

/// <summary>A difference class as reports write it: <c>breaking</c>, <c>additive</c>, <c>info</c>.</summary>
internal static class ClassNames
{
    public static string Of(DifferenceClass @class) => @class switch
    {
        DifferenceClass.Breaking => "breaking",
        DifferenceClass.Additive => "additive",
        _ => "info",
    };
}
