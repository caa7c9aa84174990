using System.Globalization;

namespace TokenMatch.Benchmarks.Harness;

/// <summary>
/// Options of the self-measuring modes: <c>--orders N --accounts N --commands N --batch N --seed N</c>,
/// and <c>--client-ids 1</c> (every order carries a client id; half the cancels and amends use it) and
/// <c>--gtt PERCENT</c> (that share of resting places is good-till-time).
/// </summary>
public sealed class HarnessArgs
{
    /// <summary>Resting orders the book is held at.</summary>
    public int Orders { get; private set; } = 10_000;

    /// <summary>Trader accounts.</summary>
    public int Accounts { get; private set; } = 10_000;

    /// <summary>Measured commands.</summary>
    public long Commands { get; private set; } = 5_000_000;

    /// <summary>Commands generated (on the shadow core) per replayed batch.</summary>
    public int Batch { get; private set; } = 500_000;

    /// <summary>Workload seed.</summary>
    public ulong Seed { get; private set; } = 20261201;

    /// <summary>Orders carry client ids (<c>--client-ids 1</c>).</summary>
    public bool ClientIds { get; private set; }

    /// <summary>Percent of resting places that are good-till-time (<c>--gtt N</c>, at most 100).</summary>
    public int GoodTillTimePercent { get; private set; }

    /// <summary>Parses the arguments; null (after printing why) when they do not parse.</summary>
    public static HarnessArgs? Parse(string[] args)
    {
        var parsed = new HarnessArgs();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length || !long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value <= 0)
            {
                Console.Error.WriteLine($"{name}: expected a positive integer after it");
                return null;
            }
            i++;
            switch (name)
            {
                case "--orders": parsed.Orders = (int)Math.Min(value, int.MaxValue / 2); break;
                case "--accounts": parsed.Accounts = (int)Math.Min(value, 1 << 24); break;
                case "--commands": parsed.Commands = value; break;
                case "--batch": parsed.Batch = (int)Math.Min(value, 10_000_000); break;
                case "--seed": parsed.Seed = (ulong)value; break;
                case "--client-ids": parsed.ClientIds = true; break;
                case "--gtt": parsed.GoodTillTimePercent = (int)Math.Min(value, 100); break;
                default:
                    Console.Error.WriteLine($"unknown option {name} (known: --orders --accounts --commands --batch --seed --client-ids --gtt)");
                    return null;
            }
        }
        if (parsed.Accounts < 2)
        {
            Console.Error.WriteLine("--accounts: at least 2");
            return null;
        }
        return parsed;
    }

    /// <summary>
    /// The workload these options describe. With client ids, the table is sized for one claim per
    /// generated order over the whole run (at most every command, the warm-up batch and the set-up and
    /// restores included), so it does not grow while measured.
    /// </summary>
    public TokenMatch.Bench.Workloads.WorkloadOptions ToWorkload() => new()
    {
        Seed = Seed, Accounts = Accounts, Depth = Orders,
        ClientIdCapacity = ClientIds ? (int)Math.Min(int.MaxValue / 2, Commands + 2L * Batch + 2L * Orders) : 0,
        GoodTillTimePercent = GoodTillTimePercent,
    };
}
