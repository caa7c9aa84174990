using System.Runtime.CompilerServices;

namespace TokenMatch.Ledger;

/// <summary>
/// The core's accounts by id, in memory that grows with the accounts that exist rather than with the
/// largest id: a directory of fixed-size pages, each allocated when its first account is created
/// (at most one page of <see cref="PageSize"/> references per account), and a dense
/// <see cref="Account.Row"/> per account, 0, 1, 2, … in creation order, which per-market tables use
/// (<see cref="Markets.Market.LotsOf"/>). A lookup is two array loads and allocates nothing.
/// Owned by the core thread.
/// </summary>
public sealed class AccountTable
{
    /// <summary>Bits of an id that select the slot within a page.</summary>
    public const int PageBits = 10;

    /// <summary>Accounts per page.</summary>
    public const int PageSize = 1 << PageBits;

    private const int Mask = PageSize - 1;

    private readonly int _maxAccounts;
    private Account?[]?[] _pages;
    private int _count;

    /// <summary>A table for ids 0..<paramref name="maxAccounts"/>-1, with directory room for the first <paramref name="initialCapacity"/> ids.</summary>
    public AccountTable(int maxAccounts, int initialCapacity)
    {
        _maxAccounts = maxAccounts;
        _pages = new Account?[]?[Math.Max(1, (Math.Min(initialCapacity, maxAccounts) + Mask) >> PageBits)];
    }

    /// <summary>Accounts that exist.</summary>
    public int Count => _count;

    /// <summary>The account with this id, or null (any int is a valid question).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Account? Find(int id)
    {
        int page = id >> PageBits;
        Account?[]?[] pages = _pages;
        return (uint)page < (uint)pages.Length && pages[page] is { } slots ? slots[id & Mask] : null;
    }

    /// <summary>The account with this id, which must exist (an order's or the house's account).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Account Get(int id) => _pages[id >> PageBits]![id & Mask]!;

    /// <summary>Adds an account whose id is in range and not taken, and gives it the next <see cref="Account.Row"/>.</summary>
    public void Add(Account account)
    {
        int page = account.Id >> PageBits;
        if ((uint)account.Id >= (uint)_maxAccounts) throw new ArgumentOutOfRangeException(nameof(account), account.Id, "account id out of range");
        if (page >= _pages.Length) Array.Resize(ref _pages, Math.Min(_maxAccounts >> PageBits, Math.Max(page + 1, _pages.Length * 2)));
        Account?[] slots = _pages[page] ??= new Account?[PageSize];
        if (slots[account.Id & Mask] is not null) throw new InvalidOperationException($"account {account.Id} exists");
        account.Row = _count++;
        slots[account.Id & Mask] = account;
    }

    /// <summary>Every account, in increasing id order (the order of the state hash).</summary>
    public Enumerator GetEnumerator() => new(_pages);

    /// <summary>Walks the pages in id order without allocating.</summary>
    public struct Enumerator
    {
        private readonly Account?[]?[] _pages;
        private int _page;
        private int _slot;

        internal Enumerator(Account?[]?[] pages)
        {
            _pages = pages;
            _page = 0;
            _slot = -1;
            Current = null!;
        }

        /// <summary>The current account.</summary>
        public Account Current { get; private set; }

        /// <summary>Moves to the next account that exists.</summary>
        public bool MoveNext()
        {
            while (_page < _pages.Length)
            {
                Account?[]? slots = _pages[_page];
                if (slots is not null)
                {
                    while (++_slot < PageSize)
                    {
                        if (slots[_slot] is { } account)
                        {
                            Current = account;
                            return true;
                        }
                    }
                }
                _page++;
                _slot = -1;
            }
            return false;
        }
    }
}
