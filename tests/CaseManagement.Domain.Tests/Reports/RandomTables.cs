using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

/// <summary>Seeded random tables in which small counts and zeros are frequent.</summary>
internal static class RandomTables
{
    public static FigureTable Next(Random random, int maxRows, int maxColumns, bool allowSmall = true)
    {
        var rows = random.Next(1, maxRows + 1);
        var columns = random.Next(1, maxColumns + 1);
        return Next(random, rows, columns, zeroShare: random.NextDouble() * 0.4, smallShare: allowSmall ? random.NextDouble() * 0.5 : 0);
    }

    public static FigureTable Next(Random random, int rows, int columns, double zeroShare, double smallShare)
    {
        var counts = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var draw = random.NextDouble();
                counts[r, c] = draw < zeroShare ? 0
                    : draw < zeroShare + smallShare ? random.Next(1, 5)
                    : random.Next(5, 41);
            }
        }

        return new FigureTable(
            "Zufallstabelle",
            "Zeile",
            Enumerable.Range(1, rows).Select(i => $"Z{i}"),
            Enumerable.Range(1, columns).Select(i => $"S{i}"),
            counts);
    }
}
