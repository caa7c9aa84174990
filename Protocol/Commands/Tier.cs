namespace TokenMatch.Commands;

/// <summary>Verification tier of an account.</summary>
public enum Tier : byte
{
    /// <summary>Not verified.</summary>
    Unverified = 0,
    /// <summary>Verified.</summary>
    Verified = 1,
    /// <summary>Trusted.</summary>
    Trusted = 2,
}
