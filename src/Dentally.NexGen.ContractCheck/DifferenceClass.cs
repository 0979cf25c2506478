namespace Dentally.NexGen.ContractCheck;

/// <summary>What a difference between the server and the contract means for an integrator on this SDK version.</summary>
public enum DifferenceClass
{
    /// <summary>Nothing the SDK relies on changed: worth knowing, nothing to do.</summary>
    Info = 0,

    /// <summary>Something was added (a member, an enum value): the SDK tolerates it, but code that switches on values may want to learn it.</summary>
    Additive = 1,

    /// <summary>Something the SDK relies on changed or went away (a required member, a type or format, a status, an operation, a problem type, a semantic): calls may fail.</summary>
    Breaking = 2,
}
