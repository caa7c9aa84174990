using TokenMatch.Commands;
using TokenMatch.Ledger;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    private readonly ApiKeyTable _apiKeys = new();

    private ResultCode IssueApiKey(ref Command c)
    {
        ApiKeyArgs k = c.AsApiKey();
        if (k.KeyId <= 0) return ResultCode.InvalidId;
        if (AccountOrNull(k.Account) is null) return ResultCode.UnknownAccount;
        if (k.RoleCode is < (byte)Role.Trader or > (byte)Role.MarketData) return ResultCode.InvalidRole;
        if (_apiKeys.Contains(k.KeyId)) return ResultCode.ApiKeyExists;
        _events.Accepted(ref c);
        _apiKeys.Add(new ApiKeyRecord(k.KeyId, k.Account, (Role)k.RoleCode, k.Salt0, k.Salt1, k.Hash0, k.Hash1, k.Hash2, k.Hash3, Revoked: false));
        return ResultCode.Ok;
    }

    private ResultCode RevokeApiKey(ref Command c)
    {
        ApiKeyArgs k = c.AsApiKey();
        if (!_apiKeys.TryGet(k.KeyId, out ApiKeyRecord key) || key.Revoked) return ResultCode.UnknownApiKey;
        _events.Accepted(ref c);
        _apiKeys.Revoke(k.KeyId);
        return ResultCode.Ok;
    }

    /// <summary>The API key with this id (revoked ones included, flagged), or null when never issued.</summary>
    public ApiKeyRecord? GetApiKey(long keyId) => _apiKeys.TryGet(keyId, out ApiKeyRecord key) ? key : null;

    /// <summary>Every API key, by ascending key id.</summary>
    public IReadOnlyList<ApiKeyRecord> GetApiKeys() => _apiKeys.Sorted();
}
