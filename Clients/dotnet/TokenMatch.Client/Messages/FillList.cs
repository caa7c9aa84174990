namespace TokenMatch.Client;

/// <summary>Fills after a sequence; <see cref="Complete"/> is false when the gateway's bounded log no longer reaches back that far.</summary>
public sealed record FillList(bool Complete, IReadOnlyList<Fill> Fills);
