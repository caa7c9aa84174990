using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// One script verb: its name, the command type it makes, its fields in the order the writer writes
/// them, and a rule across fields (e.g. <c>price</c> and <c>abs</c> exclude each other).
/// </summary>
/// <param name="Name">The verb as written (<c>place</c>, <c>set-fees</c>, ...).</param>
/// <param name="Type">The command type it makes.</param>
/// <param name="Fields">Its fields, in writing order.</param>
/// <param name="Rule">Checks the set of keys a line gave; returns the field at fault and why, or null when fine.</param>
public sealed record ScriptVerb(
    string Name,
    CommandType Type,
    IReadOnlyList<ScriptField> Fields,
    Func<IReadOnlySet<string>, (string Field, string Reason)?>? Rule = null)
{
    /// <summary>The field with key <paramref name="key"/>, or null.</summary>
    public ScriptField? Find(string key)
    {
        foreach (ScriptField field in Fields)
            if (field.Key == key) return field;
        return null;
    }

    /// <summary>The keys of this verb, for error messages.</summary>
    public string KeyList => Fields.Count == 0 ? "none" : string.Join(", ", Fields.Select(f => f.Key));
}
