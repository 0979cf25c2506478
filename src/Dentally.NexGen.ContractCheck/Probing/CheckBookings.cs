using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// The appointments the check's booking lifecycle made, so that each is cancelled whatever failed: those
/// whose answer named them, and whether a booking may have been made that no answer named.
/// </summary>
internal sealed class CheckBookings
{
    private readonly List<string> _ids = [];

    /// <summary>The appointments booked, by uuid, in the order met.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Whether a booking was accepted (a 2xx) whose answer named no appointment the check could cancel.</summary>
    public bool Unnamed { get; private set; }

    /// <summary>Whether a booking may have been made that the check could not learn of: its answer lost, and asking again failed too.</summary>
    public bool Uncertain { get; private set; }

    /// <summary>Whether a create was sent: only then can the check have booked anything.</summary>
    public bool Attempted { get; private set; }

    /// <summary>Records that a booking may have been made unseen.</summary>
    public void MayHaveBooked() => Uncertain = true;

    /// <summary>Records that a create is about to be sent.</summary>
    public void Sending() => Attempted = true;

    /// <summary>Adds an appointment of the check's found by a look at its slot; whether no answer had named it.</summary>
    public bool Found(string id)
    {
        if (_ids.Contains(id))
        {
            return false;
        }

        _ids.Add(id);
        return true;
    }

    /// <summary>A look at the slot showed every appointment of the check's there: none was booked unseen, or unnamed.</summary>
    public void Settled() => (Uncertain, Unnamed) = (false, false);

    /// <summary>Notes the appointment a success names; a success naming none is a booking the check cannot cancel. Returns its uuid.</summary>
    public string? Note(ProbeAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return null;
        }

        // An id sent as a number (ids become integers) still names the appointment to cancel.
        var id = (answer.Body as JObject)?["uuid"] is JValue { Type: JTokenType.String or JTokenType.Integer } value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (string.IsNullOrEmpty(id))
        {
            Unnamed = true;
            return null;
        }

        if (!_ids.Contains(id))
        {
            _ids.Add(id);
        }

        return id;
    }
}
