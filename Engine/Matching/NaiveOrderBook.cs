namespace TokenMatch.Matching;

/// <summary>Placeholder until the reference book lands.</summary>
public sealed class NaiveOrderBook { }
