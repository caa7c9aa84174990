using TokenMatch.Commands;

namespace TokenMatch.Tests.Support;

/// <summary>
/// The result codes a generated run of the core must reach: every code below the gateway's range
/// (500 and up never comes from the core), except the API key codes, whose commands the generators
/// do not send (Core/ApiKeyTests and RejectionTests cover them). Everything else is reached by
/// generated operations (UnknownCommand by command type 0 and an undefined type), HouseNotSet
/// included: the generated setup sends one fee change before naming the house accounts.
/// </summary>
public static class GeneratedResultCodes
{
    /// <summary>The codes, in enum order.</summary>
    public static IEnumerable<ResultCode> Expected => Enum.GetValues<ResultCode>()
        .Where(c => (int)c < 500 && c is not (ResultCode.ApiKeyExists or ResultCode.UnknownApiKey or ResultCode.InvalidRole));
}
