namespace TokenMatch.Ledger;

/// <summary>
/// The API keys issued through <c>issue-api-key</c> commands, by key id. Part of the core's state
/// (journaled as commands, so a restart keeps them; hashed in key id order). A revoked key stays,
/// flagged, so that its id is never reused. Owned by the core thread.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<long, ApiKeyRecord> _keys = [];

    /// <summary>Keys issued, revoked ones included.</summary>
    public int Count => _keys.Count;

    /// <summary>True when a key with this id was ever issued.</summary>
    public bool Contains(long keyId) => _keys.ContainsKey(keyId);

    /// <summary>The key with this id, if ever issued.</summary>
    public bool TryGet(long keyId, out ApiKeyRecord record) => _keys.TryGetValue(keyId, out record);

    /// <summary>Records a new key (the caller checked that its id is unused).</summary>
    public void Add(in ApiKeyRecord record) => _keys.Add(record.KeyId, record);

    /// <summary>Flags a key revoked (the caller checked that it exists and is live).</summary>
    public void Revoke(long keyId) => _keys[keyId] = _keys[keyId] with { Revoked = true };

    /// <summary>Every key, by ascending key id (a defined order for the state hash and snapshots).</summary>
    public List<ApiKeyRecord> Sorted()
    {
        var list = new List<ApiKeyRecord>(_keys.Values);
        list.Sort(static (a, b) => a.KeyId.CompareTo(b.KeyId));
        return list;
    }
}
