using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CaseManagement.Domain.Reports;

/// <summary>
/// Record keys of the cell-key method (<see cref="CellKeyPerturbation"/>): every client and every
/// counted record (case episode, goal, appointment, referral) carries a random number drawn once
/// when it is created and never shown anywhere. The key of a figure is the sum of the keys of the
/// records behind it, so the same records always get the same key.
/// </summary>
public static class ReportKeys
{
    /// <summary>A new record key: 32 random bits from the operating system's cryptographic generator.</summary>
    public static int New()
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>The cell key of records whose keys add up to <paramref name="sumOfKeys"/> (as SQL's SUM returns it): the sum modulo 2³².</summary>
    public static uint CellKey(long sumOfKeys) => unchecked((uint)sumOfKeys);

    /// <summary>The cell key of the union of disjoint sets of records: the sum of their cell keys modulo 2³².</summary>
    public static uint Combine(IEnumerable<uint> cellKeys)
    {
        ArgumentNullException.ThrowIfNull(cellKeys);
        var key = 0u;
        foreach (var cellKey in cellKeys)
        {
            key = unchecked(key + cellKey);
        }

        return key;
    }
}
